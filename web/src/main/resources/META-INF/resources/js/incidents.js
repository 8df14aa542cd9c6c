// The supervisor's incident desk (事件受理): import office files (preview of the column mapping, progress, summary
// and reject report), the list of incidents with filters and CSV export, and the review queue of unmatched
// incidents, placed by hand with a click on the map.
import { getJSON, postMultipart, putJSON } from './api.js';
import { formatNumber, onLanguageChange, t } from './i18n.js';
import { addBaseOverlays } from './layers.js';
import { createMap, escapeHtml } from './map.js';
import { initShell } from './shell.js';

const STATUS_COLOURS = {
  reported: '#d7301f',
  accepted: '#fc8d59',
  dispatched: '#fdbb84',
  resolved: '#41ab5d',
  closed: '#2171b5',
};
const $ = (id) => document.getElementById(id);
// times as the offices read them: Beijing time, 2026-03-13 08:05
const SHANGHAI = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
});

const me = await initShell('supervisor');
const gaMap = await createMap('map');
await addBaseOverlays(gaMap, me);
const incidentLayer = L.layerGroup();
gaMap.addOverlay({
  key: 'incident.layer',
  layer: incidentLayer,
  legend: Object.entries(STATUS_COLOURS).map(([s, fill]) => ({ key: `incident.s.${s}`, fill, stroke: '#333' })),
});
let rows = [];
let placing = null; // the incident waiting for a click on the map

function importForm() {
  const data = new FormData($('import-form'));
  data.set('kind', 'incidents');
  if (!data.get('encoding')) data.delete('encoding');
  return data;
}

function table(header, body) {
  const head = header.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const lines = body.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('');
  return `<table class="ga-table"><thead><tr>${head}</tr></thead><tbody>${lines}</tbody></table>`;
}

async function preview() {
  const p = await postMultipart('api/imports/preview', importForm());
  const mapped = Object.entries(p.mapping).map(([field, column]) => [field, column]);
  $('preview').innerHTML = `<p class="ga-hint">${escapeHtml(t('incident.previewOf', { format: p.format, encoding: p.encoding ?? '' }))}</p>`
    + table([t('incident.field'), t('incident.column')], mapped)
    + `<div class="ga-preview-rows">${table(p.header, p.rows)}</div>` // the file's own columns: scroll sideways
    + (p.problems.length ? `<p class="ga-error">${p.problems.map((x) => escapeHtml(x.reason)).join('<br>')}</p>` : '');
}

function showProgress(job) {
  const p = job.progress;
  $('import-progress').hidden = false;
  $('import-progress').value = p.fraction ?? 0;
  $('import-status').textContent = t('incident.progress', {
    done: formatNumber(p.rowsDone),
    total: p.rowsTotal == null ? '?' : formatNumber(p.rowsTotal),
    rate: formatNumber(p.rowsPerSecond),
    eta: p.etaSeconds == null ? '?' : formatNumber(p.etaSeconds),
  });
}

function showSummary(job) {
  const keys = ['read', 'inserted', 'updated', 'rejected', 'unmatched'];
  $('import-summary').innerHTML = `<p data-status="${escapeHtml(job.status)}">${escapeHtml(t(`incident.job.${job.status}`))}`
    + `${job.message ? ' — ' + escapeHtml(job.message) : ''}</p>`
    + table(keys.map((k) => t(`incident.n.${k}`)), [keys.map((k) => formatNumber(job[k]))])
    + (job.rejected || job.status === 'failed'
      ? `<a id="reject-link" href="${escapeHtml(job.rejectReport.replace(/^\//, ''))}" download>${escapeHtml(t('incident.rejects'))}</a>`
      : '');
}

async function runImport(event) {
  event.preventDefault();
  const data = importForm();
  data.set('async', 'true');
  $('import-summary').textContent = '';
  let job = await postMultipart('api/imports', data);
  showProgress(job);
  while (job.status === 'running') {
    await new Promise((r) => setTimeout(r, 500));
    job = await getJSON(`api/imports/${job.id}`);
    showProgress(job);
  }
  showSummary(job);
  await loadList();
}

function query() {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData($('filter-form'))) if (v) params.set(k, v);
  params.set('limit', '1000');
  return params;
}

let listRequest = 0; // only the answer to the latest request is shown (an older, slower one must not overwrite it)

async function loadList(event) {
  event?.preventDefault();
  const mine = ++listRequest;
  const page = await getJSON(`api/incidents?${query()}`);
  if (mine !== listRequest) return;
  rows = page.incidents;
  $('list-count').textContent = t('incident.count', { shown: formatNumber(page.numberReturned), matched: formatNumber(page.numberMatched) });
  const body = $('incident-table').querySelector('tbody');
  body.replaceChildren(...rows.map(row));
  incidentLayer.clearLayers();
  for (const i of rows.filter((r) => r.lat != null)) {
    L.circleMarker([i.lat, i.lon], { radius: 5, color: '#333', weight: 1, fillColor: STATUS_COLOURS[i.status], fillOpacity: 0.9 })
      .bindPopup(`<b>${escapeHtml(i.externalId)}</b><br>${escapeHtml(i.categoryBigName)}/${escapeHtml(i.categoryName)}<br>${escapeHtml(i.gridCode ?? '')}`)
      .addTo(incidentLayer);
  }
}

function row(i) {
  const tr = document.createElement('tr');
  tr.dataset.id = i.id;
  tr.dataset.externalId = i.externalId;
  const cells = [i.externalId, i.reportedAt ? SHANGHAI.format(new Date(i.reportedAt)) : '', `${i.categoryBigName}/${i.categoryName}`,
    t(`incident.s.${i.status}`), i.gridCode ?? '', t(`incident.q.${i.geocodeQuality}`)];
  tr.innerHTML = cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('') + '<td></td>';
  if (i.geocodeQuality === 'unmatched') {
    const b = document.createElement('button');
    b.className = 'ga-place';
    b.textContent = t('incident.place');
    b.onclick = () => {
      placing = i;
      $('import-status').textContent = t('incident.clickMap', { id: i.externalId });
      gaMap.map.getContainer().style.cursor = 'crosshair';
    };
    tr.lastChild.append(b);
  }
  return tr;
}

gaMap.map.on('click', async (e) => {
  if (!placing) return;
  const i = placing;
  placing = null;
  gaMap.map.getContainer().style.cursor = '';
  const placed = await putJSON(`api/incidents/${i.id}/location`, { lon: e.latlng.lng, lat: e.latlng.lat });
  $('import-status').textContent = t('incident.placed', { id: placed.externalId, grid: placed.gridCode ?? '—' });
  await loadList();
});

/** The list on screen as CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese). */
function exportCsv() {
  const cols = ['externalId', 'source', 'categoryBigName', 'categoryName', 'reportedAt', 'status', 'resolutionLevel',
    'satisfaction', 'geocodeQuality', 'geocodeScore', 'lon', 'lat', 'communityCode', 'gridCode', 'address'];
  const cell = (v) => (v == null ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  const text = [cols.join(','), ...rows.map((r) => cols.map((c) => cell(r[c])).join(','))].join('\n');
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob(['\ufeff' + text], { type: 'text/csv' }));
  a.download = 'incidents.csv';
  a.click();
}

$('preview-button').onclick = preview;
$('import-form').onsubmit = runImport;
$('filter-form').onsubmit = loadList;
$('export-csv').onclick = exportCsv;
onLanguageChange(() => loadList());
await loadList();
window.gaIncidentMap = gaMap.map; // lets the browser test click a known point
document.body.dataset.ready = 'true';
