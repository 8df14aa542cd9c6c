// Coverage and workload on the grid chief's page (网格长): grids coloured by households per full-time worker
// against the norm band, the coverage faults as a map layer, a sortable per-grid table and a workload ranking,
// both linked to the map and exported as CSV (UTF-8 with BOM, Chinese headers, every figure).
import { csvCell, downloadCsv, downloadXlsx } from './csv.js';
import { getJSON } from './api.js';
import { attributeTable, escapeHtml } from './map.js';
import { formatNumber, onLanguageChange, t, tZh } from './i18n.js';

/** Diverging colours of households per full-time worker against the band, and unstaffed grids. */
export const STATUS_COLORS = { below: '#4575b4', within: '#a6d96a', above: '#d7301f', unstaffed: '#636363' };

/** Fault kinds in legend order, with their map style. */
export const FAULT_STYLES = {
  gap: { color: '#d7191c', fillColor: '#d7191c', fillOpacity: 0.6, weight: 2 },
  overlap: { color: '#7b3294', fillColor: 'url(#ga-cov-hatch)', fillOpacity: 1, weight: 3, dashArray: '2 4',
    legendFill: 'repeating-linear-gradient(45deg, #7b3294 0 2px, transparent 2px 6px)' },
  outside_community: { color: '#e66101', fillColor: '#e66101', fillOpacity: 0.4, weight: 2 },
  split_building: { color: '#ff7f00', fill: false, weight: 4 },
  building_outside: { color: '#000000', fillColor: '#000000', fillOpacity: 0.6, weight: 2 },
  leader_outside_grid: { color: '#e7298a', fill: false, weight: 4, dashArray: '4 3' },
  unstaffed_grid: { color: '#d7191c', fill: false, weight: 3, dashArray: '10 6' },
};

const GRID_COLUMNS = [
  ['code', 'field.code'], ['name', 'field.name'], ['community_code', 'field.community'],
  ['households', 'field.households', true], ['households_status', 'cov.householdsStatus'],
  ['residents', 'field.residents', true], ['residents_status', 'cov.residentsStatus'],
  ['buildings', 'field.buildings', true], ['split_buildings', 'cov.splitBuildings', true],
  ['floors_without_lift', 'cov.floorsWithoutLift', true], ['area_m2', 'field.area', true],
  ['full_time_workers', 'cov.fullTime', true], ['instructors', 'cov.instructors', true],
  ['part_time_workers', 'cov.partTime', true], ['building_leaders', 'cov.leaders', true],
  ['party_members', 'cov.partyMembers', true], ['volunteers', 'cov.volunteers', true],
  ['mobile_workers', 'cov.mobile', true], ['households_paired', 'cov.paired', true],
  ['pairing_target', 'cov.pairingTarget', true], ['households_per_full_time_worker', 'cov.perWorker', true],
  ['worker_status', 'cov.workerStatus'], ['incidents', 'cov.incidents', true],
  ['incidents_per_month', 'cov.incidentsPerMonth', true],
].map(([key, label, numeric]) => ({ key, label, numeric: Boolean(numeric) }));

const WORKER_COLUMNS = [
  ['rank', 'cov.rank', true], ['code', 'field.code'], ['name', 'cov.workerName'], ['chief_grids', 'cov.grids'],
  ['households', 'field.households', true], ['buildings', 'field.buildings', true],
  ['floors_without_lift', 'cov.floorsWithoutLift', true], ['area_m2', 'field.area', true],
  ['incidents_per_month', 'cov.incidentsPerMonth', true], ['index', 'cov.index', true], ['outlier', 'cov.outlier'],
].map(([key, label, numeric]) => ({ key, label, numeric: Boolean(numeric) }));

/** The roll-up of a community (street report) or of the street: the same figures summed over its grids. */
const ROLLUP_COLUMNS = [
  ['level', 'cov.level'], ['code', 'field.code'], ['name', 'field.name'], ['grids', 'cov.gridCount', true],
  ['buildings', 'field.buildings', true], ['households', 'field.households', true],
  ['residents', 'field.residents', true], ['floors_without_lift', 'cov.floorsWithoutLift', true],
  ['area_m2', 'field.area', true], ['full_time_workers', 'cov.fullTime', true],
  ['households_per_full_time_worker', 'cov.perWorker', true], ['worker_status', 'cov.workerStatus'],
  ['grids_below_norm', 'cov.gridsBelow', true], ['grids_within_norm', 'cov.gridsWithin', true],
  ['grids_above_norm', 'cov.gridsAbove', true], ['party_members', 'cov.partyMembers', true],
  ['households_paired', 'cov.paired', true], ['pairing_target', 'cov.pairingTarget', true],
  ['incidents', 'cov.incidents', true], ['gap_m2', 'cov.gapM2', true], ['overlap_m2', 'cov.overlapM2', true],
  ['fault_count', 'cov.faultCount', true],
].map(([key, label, numeric]) => ({ key, label, numeric: Boolean(numeric) }));

/** Community roll-ups first (by code), then the street totals; fault_count = every fault of the area. */
export function rollupRows(all) {
  const flat = (r) => ({ ...r, fault_count: Object.values(r.faults ?? {}).reduce((a, b) => a + b, 0) });
  return [...all.communities.map(flat), ...all.streets.map(flat)];
}

/** The rows as CSV text with the Chinese headers of the columns. */
export function toCsv(columns, rows) {
  const lines = [columns.map((c) => csvCell(tZh(c.label))).join(',')];
  rows.forEach((r) => lines.push(columns.map((c) => csvCell(r[c.key], c.numeric)).join(',')));
  return `${lines.join('\r\n')}\r\n`;
}

function download(name, text) {
  downloadCsv(`${name}_${new Date().toISOString().slice(0, 10)}.csv`, text);
}

/** The same rows as an .xlsx sheet named after the table (Chinese headers, numbers kept numeric). */
export function downloadTableXlsx(name, columns, rows) {
  return downloadXlsx(`${name}_${new Date().toISOString().slice(0, 10)}`, name, columns.map((c) => tZh(c.label)),
    rows.map((r) => columns.map((c) => r[c.key] ?? null)));
}

/** Rows of /api/coverage?geometry=true as a GeoJSON FeatureCollection (the figures as properties). */
export function featureCollection(rows) {
  return {
    type: 'FeatureCollection',
    features: rows.map(({ geometry, ...properties }) => ({ type: 'Feature', geometry: geometry ?? null, properties })),
  };
}

function bandOf(bands, metric) {
  return bands.find((b) => b.metric === metric) ?? null;
}

function gridPopup(p) {
  return attributeTable(p.name, [
    ['field.code', p.code],
    ['field.households', formatNumber(p.households)],
    ['cov.fullTime', formatNumber(p.full_time_workers)],
    ['cov.perWorker', p.households_per_full_time_worker == null ? '—' : formatNumber(p.households_per_full_time_worker)],
    ['cov.workerStatus', t(`cov.status.${p.worker_status}`)],
    ['cov.householdsStatus', t(`cov.status.${p.households_status}`)],
    ['cov.paired', `${formatNumber(p.households_paired)} / ${formatNumber(p.pairing_target)}`],
  ]);
}

function faultPopup(p) {
  const rows = [['cov.faultKind', t(`cov.fault.${p.kind}`)]];
  if (p.grid_code) rows.push(['cov.grid', p.grid_code]);
  if (p.related_code) rows.push(['field.code', p.related_code]);
  if (p.area_m2 != null) rows.push(['field.area', formatNumber(p.area_m2, 1)]);
  if (p.households != null) rows.push(['field.households', formatNumber(p.households)]);
  if (p.detail?.shares) rows.push(['cov.shares', p.detail.shares.map((s) => `${s.grid_code} ${Math.round(s.share * 100)}%`).join(', ')]);
  if (p.detail?.building_code) rows.push(['cov.buildingGrid', `${p.detail.building_code} → ${p.detail.building_grid_code ?? '—'}`]);
  return attributeTable(t(`cov.fault.${p.kind}`), rows);
}

/** The hatching of overlaps: an SVG pattern the fault paths fill with (url(#ga-cov-hatch)), added once. */
function addHatchPattern() {
  if (document.getElementById('ga-cov-hatch')) return;
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('width', '0');
  svg.setAttribute('height', '0');
  svg.setAttribute('aria-hidden', 'true');
  svg.style.position = 'absolute';
  svg.innerHTML = '<defs><pattern id="ga-cov-hatch" patternUnits="userSpaceOnUse" width="6" height="6"'
    + ' patternTransform="rotate(45)"><rect width="6" height="6" fill="#7b3294" fill-opacity="0.12"/>'
    + '<line x1="1" y1="0" x2="1" y2="6" stroke="#7b3294" stroke-width="2"/></pattern></defs>';
  document.body.append(svg);
}

function pane(map, name, zIndex) {
  const p = map.getPane(name) ?? map.createPane(name);
  p.style.zIndex = String(zIndex);
  p.style.pointerEvents = 'none';
  return name;
}

/** A small sortable table; onRow(row) on click; returns { element, highlight(code) }. */
function sortableTable(id, columns, shown, rows, onRow, cellClass) {
  let sortKey = shown[0];
  let ascending = true;
  const table = document.createElement('table');
  table.id = id;
  table.className = 'ga-table ga-cov-table';
  const render = () => {
    const col = columns.find((c) => c.key === sortKey);
    const sorted = [...rows].sort((a, b) => (col.numeric
      ? (Number(a[sortKey]) || 0) - (Number(b[sortKey]) || 0)
      : String(a[sortKey] ?? '').localeCompare(String(b[sortKey] ?? ''))) * (ascending ? 1 : -1));
    const head = shown.map((key) => {
      const c = columns.find((x) => x.key === key);
      const mark = key === sortKey ? (ascending ? ' ▲' : ' ▼') : '';
      return `<th class="${c.numeric ? 'num' : ''}"><button type="button" data-key="${key}">${escapeHtml(t(c.label))}${mark}</button></th>`;
    }).join('');
    const body = sorted.map((r) => `<tr data-code="${escapeHtml(r.code)}" tabindex="0">${shown.map((key) => {
      const c = columns.find((x) => x.key === key);
      const v = r[key];
      const text = v == null ? '—' : typeof v === 'boolean' ? (v ? '⚠' : '') : c.numeric ? formatNumber(v, Number.isInteger(v) ? 0 : 1)
        : Array.isArray(v) ? v.join(' ') : key.endsWith('_status') ? t(`cov.status.${v}`)
          : key === 'level' ? t(`cov.level.${v}`) : v;
      return `<td class="${c.numeric ? 'num ' : ''}${cellClass(r, key)}">${escapeHtml(text)}</td>`;
    }).join('')}</tr>`).join('');
    table.innerHTML = `<thead><tr>${head}</tr></thead><tbody>${body}</tbody>`;
    table.querySelectorAll('thead button').forEach((b) => b.addEventListener('click', () => {
      ascending = sortKey === b.dataset.key ? !ascending : true;
      sortKey = b.dataset.key;
      render();
    }));
    table.querySelectorAll('tbody tr').forEach((tr) => tr.addEventListener('click', () => onRow(tr.dataset.code)));
  };
  render();
  onLanguageChange(render);
  return {
    element: table,
    highlight(code) {
      table.querySelectorAll('tbody tr').forEach((tr) => {
        const on = tr.dataset.code === code;
        tr.classList.toggle('selected', on);
        if (on) tr.scrollIntoView({ block: 'nearest' });
      });
    },
  };
}

function button(id, key, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.id = id;
  b.className = 'ga-button';
  b.dataset.i18n = key;
  b.textContent = t(key);
  b.addEventListener('click', onClick);
  onLanguageChange(() => (b.textContent = t(key)));
  return b;
}

/**
 * Loads the coverage of the user's scope and adds its layers and tables.
 *
 * @param {import('./map.js').GaMap} gaMap the page's map
 * @param {{grids: {select: Function, onSelect: Function}}} overlays the base overlays (the grids select and zoom)
 * @param {HTMLElement} panel where the tables go
 * @param {{communityCode: string|null}} [me] the signed-in user: a street-level user also gets the roll-up per
 *     community (the street report)
 */
export async function addCoverage(gaMap, overlays, panel, me = null) {
  const map = gaMap.map;
  panel.querySelector('.ga-loading')?.removeAttribute('hidden');
  // one request: every figure, with the geometry of grids and faults (each endpoint would recompute it all)
  const all = await getJSON('api/coverage?geometry=true');
  const grids = featureCollection(all.grids);
  const faults = featureCollection(all.faults);
  const { workers } = all;
  const band = bandOf(all.bands, 'households_per_full_time_worker');
  const coverageLayer = L.geoJSON(grids, {
    pane: pane(map, 'ga-coverage', 415),
    interactive: false,
    style: (f) => ({
      className: 'ga-cov-grid',
      color: STATUS_COLORS[f.properties.worker_status] ?? '#999',
      weight: 1,
      fillColor: STATUS_COLORS[f.properties.worker_status] ?? '#999',
      fillOpacity: 0.45,
    }),
    onEachFeature: (f, layer) => layer.on('add', () => layer.getElement()?.setAttribute('data-code', f.properties.code)),
  });
  const range = (a, b) => `${formatNumber(a)}–${formatNumber(b)}`;
  gaMap.addOverlay({
    key: 'cov.layer',
    layer: coverageLayer,
    legendTitle: 'cov.legendPerWorker',
    legend: [
      { label: `< ${formatNumber(band?.min)}`, fill: STATUS_COLORS.below },
      { label: range(band?.min, band?.max), fill: STATUS_COLORS.within },
      { label: `> ${formatNumber(band?.max)}`, fill: STATUS_COLORS.above },
      { key: 'cov.status.unstaffed', fill: STATUS_COLORS.unstaffed },
    ],
  });
  addHatchPattern();
  const faultLayer = L.geoJSON({ type: 'FeatureCollection', features: faults.features.filter((f) => f.geometry) }, {
    pane: pane(map, 'ga-faults', 450),
    style: (f) => ({ ...FAULT_STYLES[f.properties.kind], className: `ga-fault ga-fault-${f.properties.kind}` }),
    onEachFeature: (f, layer) => {
      layer.bindPopup(() => faultPopup(f.properties), { maxWidth: 320 });
      layer.on('add', () => layer.getElement()?.setAttribute('data-kind', f.properties.kind));
    },
  });
  const kindsPresent = new Set(faults.features.map((f) => f.properties.kind));
  gaMap.addOverlay({
    key: 'cov.faults',
    layer: faultLayer,
    legend: Object.entries(FAULT_STYLES)
      .filter(([kind]) => kindsPresent.has(kind) || ['gap', 'overlap', 'split_building', 'unstaffed_grid'].includes(kind))
      .map(([kind, s]) => ({ key: `cov.fault.${kind}`, fill: s.fill === false ? 'transparent' : s.legendFill ?? s.fillColor, stroke: s.color, kind: s.dashArray && !s.legendFill ? 'dash' : 'area' })),
  });
  faultLayer.bringToFront?.();

  const gridRows = grids.features.map((f) => f.properties);
  const zoomTo = (code) => overlays.grids.select(code, { zoom: true });
  const gridTable = sortableTable('ga-coverage-table', GRID_COLUMNS,
    ['code', 'households', 'households_per_full_time_worker', 'worker_status', 'households_paired'],
    gridRows, zoomTo, (r, key) => (key === 'worker_status' || key === 'households_per_full_time_worker' ? `ga-status-${r.worker_status}` : key === 'households' ? `ga-status-${r.households_status}` : ''));
  const ranked = workers.filter((w) => w.rank != null).sort((a, b) => a.rank - b.rank);
  const workerTable = sortableTable('ga-workload-table', WORKER_COLUMNS,
    ['rank', 'name', 'chief_grids', 'households', 'index', 'outlier'],
    ranked, (code) => { const w = ranked.find((x) => x.code === code); if (w?.chief_grids.length) zoomTo(w.chief_grids[0]); },
    (r, key) => (key === 'index' && r.outlier ? 'ga-status-above' : ''));
  overlays.grids.onSelect((code) => {
    gridTable.highlight(code);
    // the full-time worker of the grid clicked on the map
    const chief = ranked.find((w) => w.chief_grids.includes(code));
    if (chief) workerTable.highlight(chief.code);
  });

  // the street report: one row per community (and the street), for users of a whole street
  const streetLevel = me != null && !me.communityCode;
  const rollups = streetLevel ? rollupRows(all) : [];
  const zoomToArea = (code) => {
    const layers = [...overlays.communities.getLayers(), ...overlays.street.getLayers()];
    const layer = layers.find((l) => l.feature?.properties.code === code);
    if (layer) gaMap.fit(layer.getBounds());
    rollupTable?.highlight(code);
  };
  const rollupTable = streetLevel ? sortableTable('ga-rollup-table', ROLLUP_COLUMNS,
    ['name', 'grids', 'households', 'full_time_workers', 'households_per_full_time_worker', 'worker_status',
      'gap_m2', 'fault_count'],
    rollups, zoomToArea,
    (r, key) => (key === 'worker_status' || key === 'households_per_full_time_worker' ? `ga-status-${r.worker_status}` : r.level === 'street' ? 'ga-rollup-street' : '')) : null;
  if (rollupTable) {
    overlays.grids.onSelect((code) => {
      const grid = gridRows.find((g) => g.code === code);
      if (grid) rollupTable.highlight(grid.community_code);
    });
  }

  const counts = {};
  faults.features.forEach((f) => (counts[f.properties.kind] = (counts[f.properties.kind] ?? 0) + 1));
  const summary = document.createElement('ul');
  summary.id = 'ga-fault-summary';
  summary.className = 'ga-fault-summary';
  const renderSummary = () => {
    summary.innerHTML = Object.keys(FAULT_STYLES)
      .map((k) => `<li data-kind="${k}">${escapeHtml(t(`cov.fault.${k}`))}: <b>${counts[k] ?? 0}</b></li>`).join('');
  };
  renderSummary();
  onLanguageChange(renderSummary);

  const heading = (key) => Object.assign(document.createElement('h2'), { textContent: t(key), className: 'ga-cov-heading' });
  const faultRows = faults.features.map((f) => ({ ...f.properties, detail: f.properties.detail ? JSON.stringify(f.properties.detail) : '' }));
  const faultColumns = [['kind', 'cov.faultKind'], ['grid_code', 'cov.grid'], ['related_code', 'field.code'],
    ['community_code', 'field.community'], ['area_m2', 'field.area', true], ['households', 'field.households', true],
    ['detail', 'cov.detail']].map(([key, label, numeric]) => ({ key, label, numeric: Boolean(numeric) }));
  const tools = document.createElement('div');
  tools.className = 'ga-toolbar';
  tools.append(
    button('export-coverage-csv', 'cov.exportGrids', () => download(tZh('cov.fileGrids'), toCsv(GRID_COLUMNS, gridRows))),
    button('export-workload-csv', 'cov.exportWorkers', () => download(tZh('cov.fileWorkers'), toCsv(WORKER_COLUMNS, ranked))),
    button('export-faults-csv', 'cov.exportFaults', () => download(tZh('cov.fileFaults'), toCsv(faultColumns, faultRows))),
    button('export-coverage-xlsx', 'cov.exportGridsXlsx',
      () => downloadTableXlsx(tZh('cov.fileGrids'), GRID_COLUMNS, gridRows)),
    button('export-workload-xlsx', 'cov.exportWorkersXlsx',
      () => downloadTableXlsx(tZh('cov.fileWorkers'), WORKER_COLUMNS, ranked)),
    button('export-faults-xlsx', 'cov.exportFaultsXlsx',
      () => downloadTableXlsx(tZh('cov.fileFaults'), faultColumns, faultRows)),
    ...(streetLevel ? [
      button('export-communities-csv', 'cov.exportCommunities',
        () => download(tZh('cov.fileCommunities'), toCsv(ROLLUP_COLUMNS, rollups))),
      button('export-communities-xlsx', 'cov.exportCommunitiesXlsx',
        () => downloadTableXlsx(tZh('cov.fileCommunities'), ROLLUP_COLUMNS, rollups)),
    ] : []),
    button('print-report', 'cov.print', () => window.print()),
  );
  // the CSV texts, for the tests and the console: window.gaCoverage.csv('grids' | 'workers' | 'faults')
  window.gaCoverage = {
    csv: (which) => ({ grids: () => toCsv(GRID_COLUMNS, gridRows), workers: () => toCsv(WORKER_COLUMNS, ranked),
      faults: () => toCsv(faultColumns, faultRows), communities: () => toCsv(ROLLUP_COLUMNS, rollups) })[which](),
  };
  const wrapGrid = Object.assign(document.createElement('div'), { className: 'ga-table-wrap ga-cov-wrap' });
  wrapGrid.append(gridTable.element);
  const wrapWorkers = Object.assign(document.createElement('div'), { className: 'ga-table-wrap ga-cov-wrap' });
  wrapWorkers.append(workerTable.element);
  const headings = ['cov.faultsTitle', ...(streetLevel ? ['cov.rollupTitle'] : []), 'cov.gridsTitle', 'cov.workersTitle'];
  const wrapRollup = Object.assign(document.createElement('div'), { className: 'ga-table-wrap ga-cov-wrap' });
  if (rollupTable) wrapRollup.append(rollupTable.element);
  panel.replaceChildren(heading('cov.faultsTitle'), summary, tools,
    ...(streetLevel ? [heading('cov.rollupTitle'), wrapRollup] : []), heading('cov.gridsTitle'), wrapGrid,
    heading('cov.workersTitle'), wrapWorkers);
  onLanguageChange(() => panel.querySelectorAll('h2.ga-cov-heading').forEach((h, i) => {
    h.textContent = t(headings[i]);
  }));
  return { coverageLayer, faultLayer, gridTable, workerTable, rollupTable, counts, gridRows, ranked, rollups };
}
