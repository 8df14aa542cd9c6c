// The supervisor's heat-map panel: kernel-density tiles on an absolute scale, hexagon / grid choropleths and Gi*
// hot spots, a month slider that replays the months, the difference mode, the 三率 ranking linked to the map, exports.
import './heatmap-i18n.js';
import { getJSON } from './api.js';
import { downloadXlsx } from './csv.js';
import { escapeHtml } from './map.js';
import { formatNumber, language, onLanguageChange, t, tZh } from './i18n.js';

const SPOTS = [
  ['hot99', '#b2182b'], ['hot95', '#ef8a62'], ['hot90', '#fddbc7'], ['none', '#f7f7f7'],
  ['cold90', '#d1e5f0'], ['cold95', '#67a9cf'], ['cold99', '#2166ac'],
];
const RATE_BREAKS = [0, 25, 50, 100, 200, 400];
const RATE_FILLS = ['#fff5eb', '#fdd0a2', '#fdae6b', '#fd8d3c', '#e6550d', '#a63603'];
const SOURCES = ['hotline_12345', 'patrol', 'snapshot', 'video', 'desk', 'other'];

// Choropleth classes of the handling-performance measures (rates in %, hours, the 721 gap in %): [lower bound, fill].
// Rates: red (poor) to green (good), the 90/95% marks of the 12345 rankings; hours and the gap the other way round.
const GOOD_HIGH = [[0, '#d73027'], [70, '#fc8d59'], [80, '#fee08b'], [90, '#d9ef8b'], [95, '#91cf60'], [98, '#1a9850']];
const GOOD_LOW_HOURS = [[0, '#1a9850'], [24, '#91cf60'], [48, '#fee08b'], [72, '#fc8d59'], [168, '#d73027']];
const GOOD_LOW_GAP = [[0, '#1a9850'], [5, '#91cf60'], [10, '#fee08b'], [20, '#fc8d59'], [40, '#d73027']];
const MEASURES = {
  responseRate: { key: 'hm.response', classes: GOOD_HIGH, unit: '%', scale: 100 },
  resolutionRate: { key: 'hm.resolution', classes: GOOD_HIGH, unit: '%', scale: 100 },
  satisfactionRate: { key: 'hm.satisfaction', classes: GOOD_HIGH, unit: '%', scale: 100 },
  medianHoursToClose: { key: 'hm.medianHours', classes: GOOD_LOW_HOURS, unit: 'h', scale: 1 },
  levelMixGap: { key: 'hm.measure.levelMixGap', classes: GOOD_LOW_GAP, unit: '%', scale: 100 },
};
const NO_DATA = '#dddddd';

/** Fill of a grid for a measure value (null: no incident / no denominator). */
export function measureFill(measure, value) {
  if (value === null || value === undefined) return NO_DATA;
  const classes = MEASURES[measure].classes;
  const v = value * MEASURES[measure].scale;
  let i = 0;
  while (i + 1 < classes.length && v >= classes[i + 1][0]) i++;
  return classes[i][1];
}

function measureLegend(measure) {
  const { classes, unit } = MEASURES[measure];
  return [...classes.map(([from, fill], i) => ({
    label: i + 1 < classes.length ? `${from} – ${classes[i + 1][0]} ${unit}` : `≥ ${from} ${unit}`, fill, stroke: '#666',
  })), { key: 'hm.noData', fill: NO_DATA, stroke: '#666' }];
}

function rateFill(rate) {
  if (rate === null || rate === undefined) return '#dddddd';
  let i = 0;
  while (i + 1 < RATE_BREAKS.length && rate >= RATE_BREAKS[i + 1]) i++;
  return RATE_FILLS[i];
}

function monthsBetween(from, to) {
  const out = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) { m = 1; y += 1; }
  }
  return out;
}

function percent(v) {
  return v === null || v === undefined ? '–' : `${formatNumber(v * 100, 1)}%`;
}

/** Builds the panel in `root`, adds the heat-map and area overlays to gaMap; grids is the grid overlay of layers.js. */
export async function addHeatmap(gaMap, grids, root) {
  const [categories, range] = await Promise.all([getJSON('api/heatmap/categories'), getJSON('api/heatmap/legend')]);
  const months = monthsBetween(range.from, range.to);
  const state = {
    view: 'heat', measure: 'resolutionRate', rows: [], from: range.from, to: range.to, category: '', source: '', weight: 'count', radius: 150, size: 200, difference: false,
  };
  root.innerHTML = panelHtml(categories, months);
  const $ = (id) => root.querySelector(`#${id}`);
  $('hm-from').value = state.from;
  $('hm-to').value = state.to;
  const status = $('hm-status');

  const query = (extra = {}) => {
    const q = new URLSearchParams({ from: state.from, to: state.to, weight: state.weight, radius: state.radius, ...extra });
    if (state.category) q.set('category', state.category);
    if (state.source) q.set('source', state.source);
    if (state.difference) q.set('mode', 'difference');
    return q.toString();
  };

  // heat map: PNG tiles on the absolute scale of the server, legend from /api/heatmap/legend
  const heat = L.tileLayer(`api/heatmap/{z}/{x}/{y}.png?${query()}`, { maxZoom: 22, opacity: 0.9, className: 'ga-heat' });
  let loading = 0;
  heat.on('loading', () => { loading += 1; status.textContent = t('hm.loading'); });
  heat.on('load', () => { loading = 0; status.textContent = ''; });
  const heatLegend = range.entries.map((e) => ({ label: legendLabel(e), fill: e.color }));
  gaMap.addOverlay({ key: 'hm.layer.heat', layer: heat, legend: heatLegend, legendTitle: 'hm.legend.heat' });

  // hexagons / grids / hot spots: one GeoJSON overlay restyled by the view
  const units = L.geoJSON(null, {
    style: (f) => unitStyle(state, f.properties),
    onEachFeature: (f, layer) => {
      layer.bindPopup(() => (state.view === 'performance' ? perfPopup(rowOf(f.properties.id), f.properties) : unitPopup(f.properties)));
      layer.on('add', () => layer.getElement()?.setAttribute('data-unit', f.properties.id));
      layer.on('click', () => { if (state.view === 'performance') highlightRow(f.properties.id); });
    },
  });
  const unitLegend = rateLegend();
  gaMap.addOverlay({ key: 'hm.layer.units', layer: units, legend: unitLegend, legendTitle: 'hm.legend.rate', visible: false });

  async function refreshLegend() {
    const legend = await getJSON(`api/heatmap/legend?${query()}`);
    heatLegend.splice(0, heatLegend.length, ...legend.entries.map((e) => ({ label: legendLabel(e), fill: e.color })));
    gaMap.legend._groups.find((g) => g.layer === heat).titleKey = state.difference ? 'hm.legend.diff' : 'hm.legend.heat';
    gaMap.legend._render();
  }

  async function refreshUnits() {
    if (state.view === 'heat') {
      gaMap.map.removeLayer(units);
      if (!gaMap.map.hasLayer(heat)) heat.addTo(gaMap.map);
      return;
    }
    status.textContent = t('hm.loading');
    const unit = state.view === 'grids' || state.view === 'performance' ? 'grid' : 'hexagon';
    const fc = await getJSON(`api/hotspots?${query({ unit, size: state.size })}`);
    units.clearLayers();
    units.addData(fc);
    units.setStyle((f) => unitStyle(state, f.properties));
    const group = gaMap.legend._groups.find((g) => g.layer === units);
    if (state.view === 'performance') {
      group.titleKey = MEASURES[state.measure].key;
      unitLegend.splice(0, unitLegend.length, ...measureLegend(state.measure));
    } else if (state.view === 'hotspots') {
      group.titleKey = 'hm.legend.spots';
      unitLegend.splice(0, unitLegend.length, ...SPOTS.map(([k, fill]) => ({ key: `hm.spot.${k}`, fill, stroke: '#666' })));
    } else {
      group.titleKey = 'hm.legend.rate';
      unitLegend.splice(0, unitLegend.length, ...rateLegend());
    }
    gaMap.map.removeLayer(heat);
    if (!gaMap.map.hasLayer(units)) units.addTo(gaMap.map);
    gaMap.legend._render();
    status.textContent = '';
    root.dataset.units = String(fc.features.length);
  }

  const rowOf = (code) => state.rows.find((r) => r.code === code) ?? null;
  function highlightRow(code) {
    root.querySelectorAll('#hm-ranking tr.selected').forEach((tr) => tr.classList.remove('selected'));
    const tr = root.querySelector(`#hm-ranking tr[data-code="${CSS.escape(code)}"]`);
    if (tr) { tr.classList.add('selected'); tr.scrollIntoView({ block: 'nearest' }); }
  }

  async function refreshRanking() {
    const rows = await getJSON(`api/performance?by=grid&from=${state.from}&to=${state.to}&sort=${state.measure}`);
    state.rows = rows;
    $('hm-ranking').querySelector('tbody').innerHTML = rows.map((r) => `<tr data-code="${escapeHtml(r.code)}">`
      + `<td>${r.rank}</td><td>${escapeHtml(r.name ?? r.code)}</td><td>${formatNumber(r.incidents)}</td>`
      + `<td>${percent(r.responseRate)}</td><td>${percent(r.resolutionRate)}</td><td>${percent(r.satisfactionRate)}</td>`
      + `<td>${formatNumber(r.medianHoursToClose, 1)}</td>`
      + `<td>${percent(r.communityShare)} / ${percent(r.departmentShare)} / ${percent(r.streetShare)}</td></tr>`).join('');
  }

  function refreshExports() {
    const b = gaMap.map.getBounds();
    const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((v) => v.toFixed(6)).join(',');
    const widthM = gaMap.map.distance(b.getSouthWest(), b.getSouthEast());
    const resolution = Math.max(2, Math.ceil(widthM / 1500));
    $('hm-export-tif').href = `api/heatmap.tif?${query({ bbox, resolution })}`;
    $('hm-export-png').href = `api/heatmap.png?${query({ bbox, resolution })}`;
    const unit = state.view === 'grids' ? 'grid' : 'hexagon';
    $('hm-export-units').href = `api/hotspots.csv?${query({ unit, size: state.size })}`;
    $('hm-export-ranking').href = `api/performance.csv?by=grid&from=${state.from}&to=${state.to}`;
  }

  async function apply() {
    heat.setUrl(`api/heatmap/{z}/{x}/{y}.png?${query()}`);
    await refreshRanking(); // the performance choropleth colours the grids with the ranking's rows
    await Promise.all([refreshLegend(), refreshUnits()]);
    refreshExports();
    root.dataset.state = query();
  }

  const read = () => {
    Object.assign(state, {
      view: $('hm-view').value, measure: $('hm-measure').value, from: $('hm-from').value, to: $('hm-to').value, category: $('hm-category').value,
      source: $('hm-source').value, weight: $('hm-weight').value, radius: Number($('hm-radius').value),
      size: Number($('hm-size').value), difference: $('hm-difference').checked,
    });
  };
  $('hm-apply').addEventListener('click', () => { read(); apply(); });
  $('hm-view').addEventListener('change', () => { read(); apply(); });
  $('hm-measure').addEventListener('change', () => { read(); apply(); });
  $('hm-export-ranking-xlsx').addEventListener('click', () => {
    const pctHeader = (k) => `${tZh(k)}（%）`;
    const headers = [tZh('hm.rank'), tZh('field.code'), tZh('hm.unit'), tZh('hm.incidents'), pctHeader('hm.response'),
      pctHeader('hm.resolution'), pctHeader('hm.satisfaction'), tZh('hm.medianHours'), tZh('hm.share.community'),
      tZh('hm.share.department'), tZh('hm.share.street'), pctHeader('hm.measure.levelMixGap')];
    const pct = (v) => (v === null || v === undefined ? null : Math.round(v * 10000) / 100);
    const rows = state.rows.map((r) => [r.rank, r.code, r.name ?? r.code, r.incidents, pct(r.responseRate),
      pct(r.resolutionRate), pct(r.satisfactionRate), r.medianHoursToClose, pct(r.communityShare), pct(r.departmentShare),
      pct(r.streetShare), pct(r.levelMixGap)]);
    return downloadXlsx(`${tZh('hm.ranking')}_${state.from}_${state.to}`, tZh('hm.ranking'), headers, rows);
  });
  $('hm-month').addEventListener('input', () => {
    const m = months[Number($('hm-month').value)];
    $('hm-from').value = m;
    $('hm-to').value = m;
    $('hm-month-label').textContent = m;
    read();
    apply();
  });
  let timer = null;
  $('hm-play').addEventListener('click', () => {
    if (timer) { clearInterval(timer); timer = null; $('hm-play').textContent = t('hm.play'); return; }
    $('hm-play').textContent = t('hm.pause');
    timer = setInterval(() => {
      const slider = $('hm-month');
      slider.value = String((Number(slider.value) + 1) % months.length);
      slider.dispatchEvent(new Event('input'));
    }, 1500);
  });
  $('hm-ranking').addEventListener('click', (e) => {
    const row = e.target.closest('tr[data-code]');
    if (row) grids.select(row.dataset.code, { zoom: true });
  });
  gaMap.map.on('moveend', refreshExports);
  onLanguageChange(() => { refreshLegend(); refreshRanking(); });
  await apply();
  return { heat, units, state, apply };
}

function legendLabel(e) {
  if (e.from === null) return `< ${formatNumber(e.to)}`;
  if (e.to === null) return `≥ ${formatNumber(e.from)}`;
  return `${formatNumber(e.from)} – ${formatNumber(e.to)}`;
}

function rateLegend() {
  return [...RATE_BREAKS.map((b, i) => ({
    label: i + 1 < RATE_BREAKS.length ? `${b} – ${RATE_BREAKS[i + 1]}` : `≥ ${b}`, fill: RATE_FILLS[i], stroke: '#666',
  })), { key: 'hm.noHouseholds', fill: '#dddddd', stroke: '#666' }];
}

function unitStyle(state, p) {
  const view = state.view;
  if (view === 'performance') {
    const row = state.rows.find((r) => r.code === p.id);
    const fill = measureFill(state.measure, row ? row[state.measure] : null);
    return { className: 'ga-hm-unit', color: '#555', weight: 0.8, fillColor: fill, fillOpacity: 0.8 };
  }
  if (view === 'hotspots') {
    const fill = (SPOTS.find(([k]) => k === p.spot) ?? SPOTS[3])[1];
    return { className: 'ga-hm-unit', color: '#777', weight: 0.6, fillColor: fill, fillOpacity: 0.75 };
  }
  return { className: 'ga-hm-unit', color: '#777', weight: 0.6, fillColor: rateFill(p.rate_per_1000_households), fillOpacity: 0.75 };
}

function unitPopup(p) {
  const rows = [
    ['hm.incidents', formatNumber(p.incidents)],
    ['field.households', formatNumber(p.households)],
    ['hm.legend.rate', p.rate_per_1000_households === null ? '–' : formatNumber(p.rate_per_1000_households, 1)],
    ['Gi* z', formatNumber(p.gi_z, 2)],
    ['p (FDR q)', `${formatNumber(p.gi_p, 4)} (${formatNumber(p.gi_q, 4)})`],
    ['hm.legend.spots', t(`hm.spot.${p.spot}`)],
  ];
  return `<strong>${escapeHtml(p.name ?? p.id)}</strong><table class="ga-attrs">${rows
    .map(([k, v]) => `<tr><th>${escapeHtml(t(k))}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>`;
}

function perfPopup(r, p) {
  const rows = r === null ? [['hm.incidents', '0']] : [
    ['hm.incidents', formatNumber(r.incidents)], ['hm.response', percent(r.responseRate)],
    ['hm.resolution', percent(r.resolutionRate)], ['hm.satisfaction', percent(r.satisfactionRate)],
    ['hm.medianHours', formatNumber(r.medianHoursToClose, 1)],
    ['hm.mix', `${percent(r.communityShare)} / ${percent(r.departmentShare)} / ${percent(r.streetShare)}`],
    ['hm.rank', String(r.rank)]];
  return `<strong>${escapeHtml(p.name ?? p.id)}</strong><table class="ga-attrs">${rows
    .map(([k, v]) => `<tr><th>${escapeHtml(t(k))}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>`;
}

function panelHtml(categories, months) {
  const zh = language() === 'zh-CN';
  const cat = categories.map((c) => `<option value="${c.code}">${c.parent ? '　' : ''}${escapeHtml(zh ? c.name : c.nameEn)}</option>`);
  const opt = (k, v = k) => `<option value="${v}" data-i18n="${k}">${escapeHtml(t(k))}</option>`;
  return `
    <h2 data-i18n="hm.title">${t('hm.title')}</h2>
    <div class="ga-hm-form">
      <label><span data-i18n="hm.view">${t('hm.view')}</span>
        <select id="hm-view">${opt('hm.view.heat', 'heat')}${opt('hm.view.hexagons', 'hexagons')}${opt('hm.view.grids', 'grids')}${opt('hm.view.hotspots', 'hotspots')}${opt('hm.view.performance', 'performance')}</select></label>
      <label><span data-i18n="hm.measure">${t('hm.measure')}</span>
        <select id="hm-measure">${Object.entries(MEASURES).map(([k, m]) => `<option value="${k}" data-i18n="${m.key}"${k === 'resolutionRate' ? ' selected' : ''}>${escapeHtml(t(m.key))}</option>`).join('')}</select></label>
      <label><span data-i18n="hm.from">${t('hm.from')}</span><input id="hm-from" type="month"></label>
      <label><span data-i18n="hm.to">${t('hm.to')}</span><input id="hm-to" type="month"></label>
      <label><span data-i18n="hm.category">${t('hm.category')}</span>
        <select id="hm-category">${opt('hm.category.all', '')}${cat.join('')}</select></label>
      <label><span data-i18n="hm.source">${t('hm.source')}</span>
        <select id="hm-source">${opt('hm.source.all', '')}${SOURCES.map((s) => `<option value="${s}">${s}</option>`).join('')}</select></label>
      <label><span data-i18n="hm.weight">${t('hm.weight')}</span>
        <select id="hm-weight">${opt('hm.weight.count', 'count')}${opt('hm.weight.open', 'open')}${opt('hm.weight.dissatisfied', 'dissatisfied')}</select></label>
      <label><span data-i18n="hm.radius">${t('hm.radius')}</span><input id="hm-radius" type="number" min="10" max="5000" value="150"></label>
      <label><span data-i18n="hm.hexSize">${t('hm.hexSize')}</span><input id="hm-size" type="number" min="50" max="5000" value="200"></label>
      <label class="ga-hm-check"><input id="hm-difference" type="checkbox"><span data-i18n="hm.difference">${t('hm.difference')}</span></label>
      <button id="hm-apply" type="button" data-i18n="hm.apply">${t('hm.apply')}</button>
    </div>
    <div class="ga-hm-slider">
      <span data-i18n="hm.month">${t('hm.month')}</span>
      <input id="hm-month" type="range" min="0" max="${months.length - 1}" value="${months.length - 1}">
      <span id="hm-month-label">${months[months.length - 1]}</span>
      <button id="hm-play" type="button" data-i18n="hm.play">${t('hm.play')}</button>
    </div>
    <p id="hm-status" class="ga-hint" aria-live="polite"></p>
    <div class="ga-hm-exports"><span data-i18n="hm.export">${t('hm.export')}</span>
      <a id="hm-export-tif" download data-i18n="hm.export.tif">${t('hm.export.tif')}</a>
      <a id="hm-export-png" download data-i18n="hm.export.png">${t('hm.export.png')}</a>
      <a id="hm-export-units" download data-i18n="hm.export.units">${t('hm.export.units')}</a>
      <a id="hm-export-ranking" download data-i18n="hm.export.ranking">${t('hm.export.ranking')}</a>
      <button id="hm-export-ranking-xlsx" type="button" data-i18n="hm.export.rankingXlsx">${t('hm.export.rankingXlsx')}</button></div>
    <h3 data-i18n="hm.ranking">${t('hm.ranking')}</h3>
    <div class="ga-hm-table"><table id="hm-ranking"><thead><tr>
      <th data-i18n="hm.rank">${t('hm.rank')}</th><th data-i18n="hm.unit">${t('hm.unit')}</th>
      <th data-i18n="hm.incidents">${t('hm.incidents')}</th><th data-i18n="hm.response">${t('hm.response')}</th>
      <th data-i18n="hm.resolution">${t('hm.resolution')}</th><th data-i18n="hm.satisfaction">${t('hm.satisfaction')}</th>
      <th data-i18n="hm.medianHours">${t('hm.medianHours')}</th><th data-i18n="hm.mix">${t('hm.mix')}</th>
    </tr></thead><tbody></tbody></table></div>`;
}
