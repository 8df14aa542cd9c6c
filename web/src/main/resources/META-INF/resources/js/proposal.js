// The planner's "propose" dialog (生成方案): scope, target and constraints of a balanced proposal (POST
// /api/proposals), a progress bar with cancel while the job runs, then the resulting draft opened in the plan
// editor with its summary and per-grid figures (CSV / Excel). Locked grids are picked from a list or on the map.
import { ApiError, getJSON, postJSON } from './api.js';
import { csvCell, downloadCsv, downloadXlsx } from './csv.js';
import { formatNumber, onLanguageChange, t } from './i18n.js';
import { containsPoint, getAllFeatures } from './layers.js';
import './proposal-i18n.js';
import { el } from './map.js';

const LOCKED_STYLE = { className: 'ga-locked-grid', color: '#0f766e', weight: 2.5, fillColor: '#5eead4', fillOpacity: 0.5 };
const PICK_STYLE = { className: 'ga-pick-grid', color: '#0f766e', weight: 1, fillOpacity: 0, dashArray: '2 4' };
const COMPOUND_STYLE = { className: 'ga-drawn-compound', color: '#a16207', weight: 2, fillColor: '#fde68a', fillOpacity: 0.35, dashArray: '5 3' };
const BARRIER_STYLE = { className: 'ga-barrier', color: '#1e3a8a', weight: 4 };
const POLL_MS = 300;

// the request field a problem+json names → the i18n key of its label in the dialog
const FIELD_LABELS = {
  grids: 'proposal.grids',
  bandMin: 'proposal.bandMin',
  bandMax: 'proposal.bandMax',
  compactness: 'proposal.compactness',
  locked: 'proposal.locked',
  community: 'proposal.community',
  street: 'proposal.scope',
  plan: 'plan.current',
  seed: 'proposal.seed',
  mode: 'proposal.minimal',
  householdsPerWorker: 'proposal.householdsPerWorker',
  workers: 'proposal.workers',
  compoundAreas: 'proposal.layer.compounds',
  barriers: 'proposal.layer.barriers',
};

function field(label, input) {
  const row = el('label', { class: 'ga-form-row' });
  row.append(el('span', {}, t(label)), input);
  return row;
}

function radios(name, options, checked) {
  const box = el('div', { class: 'ga-radio-row', role: 'radiogroup' });
  for (const [value, key] of options) {
    const input = el('input', { type: 'radio', name, value, id: `${name}-${value}` });
    input.checked = value === checked;
    const label = el('label', { for: input.id }, t(key));
    box.append(input, label);
  }
  return box;
}

export class ProposalDialog {
  /**
   * @param {HTMLElement} opener where the "propose" button goes
   * @param {import('./map.js').GaMap} gaMap the page's map (locked grids are picked and shown on it)
   * @param {import('./plan-editor.js').PlanEditor} editor opens the resulting draft
   */
  constructor(opener, gaMap, me, editor) {
    this.gaMap = gaMap;
    this.map = gaMap.map;
    this.me = me;
    this.editor = editor;
    this.locked = new Set();
    this.baseGrids = { type: 'FeatureCollection', features: [] };
    this.lockedLayer = L.geoJSON(null, { pane: 'ga-communities', style: () => LOCKED_STYLE, interactive: false });
    gaMap.addOverlay({ key: 'proposal.layer.locked', layer: this.lockedLayer, legend: [{ key: 'proposal.layer.locked', fill: LOCKED_STYLE.fillColor, stroke: LOCKED_STYLE.color }] });
    this.barrierLayer = L.geoJSON(null, { pane: 'ga-communities', style: () => BARRIER_STYLE, interactive: false });
    gaMap.addOverlay({ key: 'proposal.layer.barriers', layer: this.barrierLayer, legend: [{ key: 'proposal.layer.barriers', stroke: BARRIER_STYLE.color }] });
    this.compoundLayer = L.geoJSON(null, { pane: 'ga-communities', style: () => COMPOUND_STYLE, interactive: false });
    gaMap.addOverlay({ key: 'proposal.layer.compounds', layer: this.compoundLayer, legend: [{ key: 'proposal.layer.compounds', fill: COMPOUND_STYLE.fillColor, stroke: COMPOUND_STYLE.color, kind: 'dash' }] });
    const button = el('button', { id: 'proposal-open', type: 'button', class: 'ga-button ga-button-primary' }, t('proposal.open'));
    button.disabled = !['planner', 'admin'].includes(me.role);
    button.addEventListener('click', () => this.show());
    opener.append(button);
    // the dialog is built anew (in the current language) on every opening; the button follows a switch at once
    onLanguageChange(() => (button.textContent = t('proposal.open')));
    this.dialog = el('dialog', { id: 'proposal-dialog', class: 'ga-proposal-dialog', 'aria-labelledby': 'proposal-title' });
    document.body.append(this.dialog);
  }

  async show() {
    if (!this.communities) {
      const fc = await getAllFeatures('api/communities');
      this.communities = fc.features.map((f) => f.properties).sort((a, b) => a.code.localeCompare(b.code));
    }
    this._render();
    await this._loadBaseGrids();
    this.dialog.show();
  }

  /** The grids of the plan the proposal starts from (the plan open in the editor), for the locked-grid list. */
  async _loadBaseGrids() {
    const plan = this.editor.plan?.id;
    this.baseGrids = plan ? await getAllFeatures(`api/grids?plan=${plan}`) : this.baseGrids;
    this._fillLockedList();
  }

  _render() {
    const d = this.dialog;
    d.innerHTML = '';
    d.append(el('h2', { id: 'proposal-title' }, t('proposal.title')));
    const form = el('form', { id: 'proposal-form', method: 'dialog' });
    this.community = el('select', { id: 'proposal-community' });
    this.communities.forEach((c) => this.community.append(el('option', { value: c.code }, `${c.name} ${c.code}`)));
    this.community.addEventListener('change', () => this._fillLockedList());
    const scope = radios('proposal-scope', [['community', 'proposal.scope.community'], ['street', 'proposal.scope.street']], 'community');
    scope.addEventListener('change', () => {
      this.community.disabled = this._scope() === 'street';
      this._fillLockedList();
    });
    const target = radios('proposal-target', [['count', 'proposal.target.count'], ['maxp', 'proposal.target.maxp'], ['perWorker', 'proposal.target.perWorker']], 'count');
    this.grids = el('input', { id: 'proposal-grids', type: 'number', min: '1', step: '1', value: '10' });
    this.perWorker = el('input', { id: 'proposal-per-worker', type: 'number', min: '1', step: '1', value: '250' });
    this.workers = el('input', { id: 'proposal-workers', type: 'number', min: '1', step: '1' });
    const targetFields = el('div', { class: 'ga-form-grid' });
    targetFields.append(field('proposal.grids', this.grids), field('proposal.householdsPerWorker', this.perWorker), field('proposal.workers', this.workers));
    const syncTarget = () => {
      const which = this._target();
      this.grids.disabled = which !== 'count';
      this.perWorker.disabled = which !== 'perWorker';
      this.workers.disabled = which !== 'perWorker';
    };
    target.addEventListener('change', syncTarget);
    this.bandMin = el('input', { id: 'proposal-band-min', type: 'number', step: '1', placeholder: t('proposal.bandDefault') });
    this.bandMax = el('input', { id: 'proposal-band-max', type: 'number', step: '1', placeholder: t('proposal.bandDefault') });
    this.compactness = el('input', { id: 'proposal-compactness', type: 'number', min: '0', max: '1', step: '0.05', value: '0.5' });
    this.lockedList = el('select', { id: 'proposal-locked', multiple: '', size: '4' });
    this.lockedList.addEventListener('change', () => {
      this.locked = new Set([...this.lockedList.selectedOptions].map((o) => o.value));
      this._drawLocked();
    });
    this.pickButton = el('button', { id: 'proposal-pick', type: 'button', class: 'ga-button' }, t('proposal.pickLocked'));
    this.pickButton.addEventListener('click', () => this._togglePicking());
    this.keepCompounds = el('input', { id: 'proposal-compounds', type: 'checkbox' });
    const drawCompound = el('button', { id: 'proposal-draw-compound', type: 'button', class: 'ga-button' }, t('proposal.drawCompound'));
    drawCompound.addEventListener('click', () => this._drawCompound());
    const clearCompounds = el('button', { id: 'proposal-clear-compounds', type: 'button', class: 'ga-button' }, t('proposal.clearCompounds'));
    clearCompounds.addEventListener('click', () => {
      this.compoundLayer.clearLayers();
      this.barrierLayer.clearLayers();
    });
    const drawBarrier = el('button', { id: 'proposal-draw-barrier', type: 'button', class: 'ga-button' }, t('proposal.drawBarrier'));
    drawBarrier.addEventListener('click', () => this._draw(new L.Draw.Polyline(this.map, { shapeOptions: BARRIER_STYLE }), this.barrierLayer, 'proposal.drawBarrierHint'));
    this.minimal = el('input', { id: 'proposal-minimal', type: 'checkbox' });
    this.seed = el('input', { id: 'proposal-seed', type: 'number', step: '1', value: '1' });
    this.name = el('input', { id: 'proposal-name', type: 'text', value: t('proposal.defaultName') });
    const band = el('div', { class: 'ga-form-grid' });
    band.append(field('proposal.bandMin', this.bandMin), field('proposal.bandMax', this.bandMax), field('proposal.compactness', this.compactness), field('proposal.seed', this.seed));
    const checks = el('div', { class: 'ga-form-checks' });
    checks.append(field('proposal.keepCompounds', this.keepCompounds), field('proposal.minimal', this.minimal));
    form.append(
      el('h3', {}, t('proposal.scope')), scope, field('proposal.community', this.community),
      el('h3', {}, t('proposal.target')), target, targetFields,
      band,
      field('proposal.locked', this.lockedList), this.pickButton,
      checks, drawCompound, drawBarrier, clearCompounds, field('proposal.name', this.name),
    );
    this.start = el('button', { id: 'proposal-start', type: 'button', class: 'ga-button ga-button-primary' }, t('proposal.start'));
    this.start.addEventListener('click', () => this.run());
    this.cancelButton = el('button', { id: 'proposal-cancel', type: 'button', class: 'ga-button' }, t('proposal.cancel'));
    this.cancelButton.hidden = true;
    this.cancelButton.addEventListener('click', () => this.cancel());
    const close = el('button', { id: 'proposal-close', type: 'button', class: 'ga-button' }, t('proposal.close'));
    close.addEventListener('click', () => this._close());
    const actions = el('div', { class: 'ga-plan-tools' });
    actions.append(this.start, this.cancelButton, close);
    this.progress = el('progress', { id: 'proposal-progress', max: '1', value: '0' });
    this.progress.hidden = true;
    this.status = el('p', { id: 'proposal-status', class: 'ga-hint', 'aria-live': 'polite' });
    this.result = el('div', { id: 'proposal-result', class: 'ga-proposal-result' });
    d.append(form, actions, this.progress, this.status, this.result);
    syncTarget();
  }

  _scope() {
    return this.dialog.querySelector('input[name="proposal-scope"]:checked').value;
  }

  _target() {
    return this.dialog.querySelector('input[name="proposal-target"]:checked').value;
  }

  _inScope(code) {
    return this._scope() === 'street' || code.startsWith(this.community.value);
  }

  _fillLockedList() {
    if (!this.lockedList) return;
    this.lockedList.innerHTML = '';
    const codes = this.baseGrids.features.map((f) => f.properties.code).filter((c) => this._inScope(c)).sort();
    this.locked = new Set([...this.locked].filter((c) => codes.includes(c)));
    for (const code of codes) {
      const o = el('option', { value: code }, code);
      o.selected = this.locked.has(code);
      this.lockedList.append(o);
    }
    this._drawLocked();
  }

  _drawLocked() {
    this.lockedLayer.clearLayers();
    this.lockedLayer.addData(this.baseGrids.features.filter((f) => this.locked.has(f.properties.code)));
    [...this.lockedList.options].forEach((o) => (o.selected = this.locked.has(o.value)));
  }

  /** Map picking: a transparent copy of the base grids on top takes the clicks, so no other layer sees them. */
  _togglePicking() {
    if (this.pickLayer) {
      this.map.removeLayer(this.pickLayer);
      this.pickLayer = null;
      this.pickButton.textContent = t('proposal.pickLocked');
      this.status.textContent = '';
      return;
    }
    if (!this.map.getPane('ga-proposal-pick')) this.map.createPane('ga-proposal-pick').style.zIndex = 650;
    const features = this.baseGrids.features.filter((f) => this._inScope(f.properties.code));
    this.pickLayer = L.geoJSON({ type: 'FeatureCollection', features }, { pane: 'ga-proposal-pick', style: () => PICK_STYLE }).addTo(this.map);
    this.pickLayer.on('click', (e) => {
      L.DomEvent.stop(e);
      const at = [e.latlng.lng, e.latlng.lat];
      const hit = features.find((f) => containsPoint(f.geometry, at));
      if (!hit) return;
      const code = hit.properties.code;
      if (this.locked.has(code)) this.locked.delete(code);
      else this.locked.add(code);
      this._drawLocked();
    });
    this.pickButton.textContent = t('proposal.pickDone');
    this.status.textContent = t('proposal.pickHint');
  }

  /** A compound drawn as a polygon: its buildings stay in one grid (compoundAreas of the request). */
  _drawCompound() {
    this._draw(new L.Draw.Polygon(this.map, { shapeOptions: COMPOUND_STYLE }), this.compoundLayer, 'proposal.drawCompoundHint');
  }

  /** Draws one shape with leaflet-draw into the layer (compounds: polygons; barriers: lines no grid crosses). */
  _draw(handler, layer, hint) {
    const onCreated = (e) => {
      this.map.off(L.Draw.Event.CREATED, onCreated);
      layer.addData(e.layer.toGeoJSON());
    };
    this.map.on(L.Draw.Event.CREATED, onCreated);
    handler.enable();
    this.status.textContent = t(hint);
  }

  _number(input) {
    return input.disabled || input.value === '' ? undefined : Number(input.value);
  }

  /** The request body of the form (fields left empty are left out: the server's defaults apply). */
  request() {
    const street = this._scope() === 'street';
    const target = this._target();
    return {
      plan: this.editor.plan?.id,
      street: street ? this.me.streetCode : undefined,
      community: street ? undefined : this.community.value,
      mode: this.minimal.checked ? 'minimal' : 'scratch',
      grids: target === 'count' ? this._number(this.grids) : undefined,
      householdsPerWorker: target === 'perWorker' ? this._number(this.perWorker) : undefined,
      workers: target === 'perWorker' ? this._number(this.workers) : undefined,
      bandMin: this._number(this.bandMin),
      bandMax: this._number(this.bandMax),
      compactness: this._number(this.compactness),
      seed: this._number(this.seed),
      keepCompounds: this.keepCompounds.checked,
      locked: [...this.locked],
      compoundAreas: this.compoundLayer.toGeoJSON().features.map((f) => f.geometry),
      barriers: this.barrierLayer.toGeoJSON().features.map((f) => f.geometry),
      name: this.name.value,
    };
  }

  async run() {
    this.result.innerHTML = '';
    this.status.className = 'ga-hint';
    let job;
    try {
      job = await postJSON('api/proposals', this.request());
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      return this._badInput(e);
    }
    this.job = job;
    document.getElementById('ga-error')?.remove(); // the bar of an earlier refused request
    this.start.disabled = true;
    this.cancelButton.hidden = false;
    this.progress.hidden = false;
    document.body.dataset.proposalJob = String(job.id);
    document.body.dataset.proposalStatus = 'running';
    while (job.status === 'running') {
      this._showProgress(job.progress);
      await new Promise((r) => setTimeout(r, POLL_MS));
      job = await getJSON(`api/proposals/${job.id}`);
    }
    this._showProgress(job.progress);
    this.start.disabled = false;
    this.cancelButton.hidden = true;
    if (job.status === 'succeeded') await this._succeeded(job);
    else if (job.status === 'cancelled') this.status.textContent = t('proposal.cancelled');
    else this._error(t('proposal.failed', { message: job.message ?? '' }));
    // set last: a test waiting for it finds the draft opened and the summary drawn
    document.body.dataset.proposalStatus = job.status;
  }

  _showProgress(p) {
    this.progress.value = p;
    this.status.textContent = t('proposal.running', { pct: Math.round(p * 100) });
  }

  async cancel() {
    if (this.job) await postJSON(`api/proposals/${this.job.id}/cancel`, {});
  }

  _badInput(e) {
    const p = e.problem ?? {};
    const name = (p.parameter ?? '').replace(/\[\d+\]$/, '');
    const label = FIELD_LABELS[name] ? t(FIELD_LABELS[name]) : p.parameter ?? '';
    this._error(t('proposal.badField', { field: label, detail: p.detail ?? e.message }));
    this.dialog.querySelectorAll('.ga-invalid').forEach((x) => x.classList.remove('ga-invalid'));
    const input = { grids: this.grids, bandMin: this.bandMin, bandMax: this.bandMax, compactness: this.compactness, locked: this.lockedList, community: this.community, seed: this.seed, householdsPerWorker: this.perWorker, workers: this.workers }[p.parameter];
    input?.classList.add('ga-invalid');
    document.body.dataset.proposalError = p.parameter ?? 'unknown';
  }

  _error(message) {
    this.status.textContent = message;
    this.status.className = 'ga-hint ga-hint-error';
  }

  async _succeeded(job) {
    this.lastResult = job.result;
    await this.editor.loadPlans(job.plan);
    this._stopPicking();
    this.locked.clear();
    this.lockedLayer.clearLayers();
    this.status.textContent = t('proposal.done', { plan: job.plan });
    this._renderResult(job.result);
    document.body.dataset.proposalPlan = String(job.plan);
  }

  _stopPicking() {
    if (this.pickLayer) this._togglePicking();
  }

  _close() {
    this._stopPicking();
    this.dialog.close();
  }

  _renderResult(result) {
    const s = result.summary;
    const pct = (v) => `${formatNumber(v * 100, 1)}%`;
    const sum = el('table', { id: 'proposal-summary', class: 'ga-table' });
    const rows = [
      ['proposal.sum.grids', 'grids', formatNumber(s.grids)],
      ['proposal.sum.inBand', 'gridsInBand', `${formatNumber(s.gridsInBand)} / ${formatNumber(s.grids)}`],
      ['proposal.sum.maxDeviation', 'maxDeviation', pct(s.maxDeviation)],
      ['proposal.sum.meanDeviation', 'meanDeviation', pct(s.meanDeviation)],
      ['proposal.sum.minPP', 'minPolsbyPopper', formatNumber(s.minPolsbyPopper, 3)],
      ['proposal.sum.moved', 'movedHouseholds', formatNumber(s.movedHouseholds)],
      ['proposal.sum.seconds', 'seconds', formatNumber(s.seconds, 1)],
    ];
    rows.forEach(([key, name, value]) => {
      const tr = el('tr', { 'data-field': name });
      tr.append(el('th', {}, t(key)), el('td', { class: 'num' }, value));
      sum.append(tr);
    });
    this.result.innerHTML = '';
    this.result.append(el('h3', {}, t('proposal.summary')), sum);
    const proofs = result.communities.flatMap((c) => c.infeasibility.map((why) => `${c.community}: ${why}`));
    const notes = result.communities.flatMap((c) => c.notes.map((n) => `${c.community}: ${n}`));
    if (proofs.length) this.result.append(this._list('proposal-infeasible', 'proposal.infeasible', proofs, 'ga-hint ga-hint-error'));
    if (notes.length) this.result.append(this._list('proposal-notes', 'proposal.notes', notes, 'ga-hint'));
    const table = el('table', { id: 'proposal-grids-table', class: 'ga-table' });
    const head = el('tr');
    this._columns().forEach((k) => head.append(el('th', {}, t(k))));
    table.append(head);
    for (const r of this._rows(result)) {
      const tr = el('tr', { 'data-code': r[1] });
      r.forEach((v, i) => tr.append(el('td', { class: i >= 2 && i <= 6 ? 'num' : '' }, i === 4 ? pct(v) : i === 5 ? formatNumber(v, 3) : i === 7 ? t(v ? 'proposal.yes' : 'proposal.no') : typeof v === 'number' ? formatNumber(v) : v)));
      table.append(tr);
    }
    const exports = el('div', { class: 'ga-plan-tools' });
    const csv = el('button', { id: 'proposal-csv', type: 'button', class: 'ga-button' }, t('proposal.exportCsv'));
    csv.addEventListener('click', () => this._exportCsv());
    const xlsx = el('button', { id: 'proposal-xlsx', type: 'button', class: 'ga-button' }, t('proposal.exportXlsx'));
    xlsx.addEventListener('click', () => this._exportXlsx());
    exports.append(csv, xlsx);
    this.result.append(table, exports);
  }

  _list(id, key, items, className) {
    const box = el('div', { id, class: className });
    box.append(el('p', {}, t(key)));
    const ul = el('ul');
    items.forEach((i) => ul.append(el('li', {}, i)));
    box.append(ul);
    return box;
  }

  _columns() {
    return ['proposal.col.community', 'proposal.col.grid', 'proposal.col.households', 'proposal.col.buildings', 'proposal.col.deviation', 'proposal.col.pp', 'proposal.col.area', 'proposal.col.changed'];
  }

  /** One row per grid: community, code, households, buildings, deviation (fraction), PP, area m², changed. */
  _rows(result) {
    return result.communities.flatMap((c) => c.grids.map((g) => [c.community, g.code, g.households, g.buildings, g.deviation, g.polsbyPopper, g.areaM2, g.changed]));
  }

  /** The summary lines first (name, value), an empty line, then the per-grid table. */
  _table() {
    const s = this.lastResult.summary;
    const summary = Object.entries(s).map(([k, v]) => [k, v]);
    return { headers: this._columns().map((k) => t(k)), rows: this._rows(this.lastResult), summary };
  }

  _exportCsv() {
    const { headers, rows, summary } = this._table();
    const lines = [...summary, [], headers, ...rows].map((r) => r.map((v) => csvCell(v, typeof v === 'number')).join(','));
    downloadCsv(`proposal-${this.editor.plan.id}.csv`, `${lines.join('\r\n')}\r\n`);
  }

  _exportXlsx() {
    const { headers, rows, summary } = this._table();
    // one sheet: the per-grid table, then the summary figures below it
    const all = [...rows, [], ...summary.map(([k, v]) => [k, v])];
    return downloadXlsx(`proposal-${this.editor.plan.id}`, t('proposal.summary'), headers, all);
  }
}
