// Boundary plan editing on the planner's page (边界方案编辑): pick or create a draft, edit its grids on the
// map with leaflet-draw, see the impact of every edit before it is saved (households per grid before → after,
// buildings that change grid, norm band changes, broken rules pinned on the map), undo/redo, compare with the
// published plan and publish. The server keeps the grids a coverage; this module only draws and asks.
import { csvCell, downloadCsv } from './csv.js';
import { getJSON, postJSON, ApiError } from './api.js';
import { el, escapeHtml } from './map.js';
import { formatNumber, t } from './i18n.js';
import { getAllFeatures } from './layers.js';

const DRAFT_STYLE = { className: 'ga-draft-grid', color: '#1d4ed8', weight: 1.6, fillColor: '#93c5fd', fillOpacity: 0.25 };
const SELECTED_STYLE = { color: '#e8590c', weight: 3.5, fillOpacity: 0.4 };
const VIOLATION_STYLE = { className: 'ga-violation', color: '#c0392b', weight: 2, fillColor: '#e74c3c', fillOpacity: 0.45, dashArray: '4 3' };
const CHANGED_STYLE = { className: 'ga-changed-area', color: '#7c3aed', weight: 1.5, fillColor: '#a78bfa', fillOpacity: 0.55 };
const PREVIEW_STYLE = { className: 'ga-preview-grid', color: '#e8590c', weight: 2, fillColor: '#fdba74', fillOpacity: 0.35, dashArray: '6 4' };

export class PlanEditor {
  constructor(root, gaMap, me, publishedGrids) {
    this.root = root;
    this.gaMap = gaMap;
    this.map = gaMap.map;
    this.me = me;
    this.published = publishedGrids;
    this.plan = null; // { id, version, status, name }
    this.openListeners = [];
    this.selected = null;
    this.pending = null; // the previewed edit waiting for save / cancel
    this.draftLayer = L.geoJSON(null, { pane: 'ga-grids', style: () => DRAFT_STYLE, onEachFeature: (f, l) => this._gridFeature(f, l) });
    this.violationLayer = L.geoJSON(null, { pane: 'ga-communities', style: () => VIOLATION_STYLE, onEachFeature: (f, l) => this._violationFeature(f, l) });
    this.changedLayer = L.geoJSON(null, { pane: 'ga-communities', style: () => CHANGED_STYLE, onEachFeature: (f, l) => l.bindTooltip(`${f.properties.from} → ${f.properties.to} · ${formatNumber(f.properties.area_m2)} m²`) });
    this.previewLayer = L.geoJSON(null, { pane: 'ga-communities', style: () => PREVIEW_STYLE, interactive: false });
    gaMap.addOverlay({ key: 'plan.layer.draft', layer: this.draftLayer, legend: [{ key: 'plan.layer.draft', fill: DRAFT_STYLE.fillColor, stroke: DRAFT_STYLE.color }] });
    gaMap.addOverlay({ key: 'plan.layer.preview', layer: this.previewLayer, legend: [{ key: 'plan.layer.preview', fill: PREVIEW_STYLE.fillColor, stroke: PREVIEW_STYLE.color, kind: 'dash' }] });
    gaMap.addOverlay({ key: 'plan.layer.violations', layer: this.violationLayer, legend: [{ key: 'plan.layer.violations', fill: VIOLATION_STYLE.fillColor, stroke: VIOLATION_STYLE.color }] });
    gaMap.addOverlay({ key: 'plan.layer.changed', layer: this.changedLayer, legend: [{ key: 'plan.layer.changed', fill: CHANGED_STYLE.fillColor, stroke: CHANGED_STYLE.color }] });
    this._render();
  }

  // ---------------------------------------------------------------- panel

  _render() {
    const canEdit = ['planner', 'admin'].includes(this.me.role);
    this.root.innerHTML = '';
    const row = el('div', { class: 'ga-plan-row' });
    this.select = el('select', { id: 'plan-select', 'aria-label': t('plan.current') });
    this.select.addEventListener('change', () => this.open(Number(this.select.value)));
    row.append(el('label', { for: 'plan-select' }, t('plan.current')), this.select);
    if (canEdit) row.append(this._button('plan-new', 'plan.new', () => this.createDraft()));
    this.tools = el('div', { id: 'plan-tools', class: 'ga-plan-tools' });
    const tools = [
      ['tool-reshape', 'plan.tool.reshape', () => this.startReshape()],
      ['tool-split', 'plan.tool.split', () => this.startSplit()],
      ['tool-merge', 'plan.tool.merge', () => this.startPick('merge')],
      ['tool-delete', 'plan.tool.delete', () => this.startPick('delete')],
      ['tool-create', 'plan.tool.create', () => this.startCreate()],
      ['tool-move', 'plan.tool.move', () => this.startMove()],
      ['tool-undo', 'plan.tool.undo', () => this.step('undo')],
      ['tool-redo', 'plan.tool.redo', () => this.step('redo')],
    ];
    tools.forEach(([id, key, fn]) => this.tools.append(this._button(id, key, fn)));
    const actions = el('div', { class: 'ga-plan-tools' });
    actions.append(
      this._button('plan-compare', 'plan.compare', () => this.compare()),
      this._button('plan-validate', 'plan.validate', () => this.validate()),
      this._button('plan-publish', 'plan.publish', () => this.publish(), 'ga-button ga-button-primary'),
      this._button('plan-kml', 'plan.kml', () => this.plan && (window.location.href = `api/plans/${this.plan.id}/export.kml`)),
    );
    this.confirmBar = el('div', { id: 'plan-confirm', class: 'ga-plan-tools', hidden: '' });
    this.confirmBar.append(
      this._button('edit-save', 'plan.save', () => this.save(false), 'ga-button ga-button-primary'),
      this._button('edit-force', 'plan.saveAnyway', () => this.save(true)),
      this._button('edit-cancel', 'plan.cancel', () => this.cancel()),
    );
    this.status = el('p', { id: 'plan-status', class: 'ga-hint', 'aria-live': 'polite' });
    this.impact = el('div', { id: 'plan-impact', class: 'ga-impact' });
    this.root.append(row, this.tools, this.confirmBar, this.status, this.impact, actions);
    this._refreshButtons();
  }

  _button(id, key, fn, className = 'ga-button') {
    const b = el('button', { id, class: className, type: 'button' }, t(key));
    b.addEventListener('click', fn);
    return b;
  }

  _refreshButtons() {
    const draft = this.plan?.status === 'draft' && ['planner', 'admin'].includes(this.me.role);
    this.tools.querySelectorAll('button').forEach((b) => (b.disabled = !draft || !!this.pending));
    this.root.querySelector('#plan-publish').disabled = !draft || !!this.pending;
    this.root.querySelector('#plan-compare').disabled = !this.plan;
    this.confirmBar.hidden = !this.pending;
  }

  _say(key, params) {
    this.status.textContent = t(key, params);
  }

  // ---------------------------------------------------------------- plans

  async loadPlans(selectId) {
    const plans = await getJSON('api/plans');
    this.select.innerHTML = '';
    for (const p of plans) {
      const o = el('option', { value: String(p.id) }, `${p.name} · ${t(`plan.status.${p.status}`)} · #${p.id}`);
      this.select.append(o);
    }
    const pick = plans.find((p) => p.id === selectId) ?? plans.find((p) => p.status === 'draft') ?? plans.find((p) => p.status === 'published');
    if (pick) {
      this.select.value = String(pick.id);
      await this.open(pick.id, plans);
    }
    return plans;
  }

  async open(id, plans) {
    const list = plans ?? (await getJSON('api/plans'));
    const p = list.find((x) => x.id === id);
    if (!p) return;
    this.plan = { id: p.id, version: p.version, status: p.status, name: p.name };
    this.openListeners.forEach((fn) => fn(p, list));
    this.selected = null;
    this.pending = null;
    this.previewLayer.clearLayers();
    this.changedLayer.clearLayers();
    const grids = await getAllFeatures(`api/grids?plan=${p.id}`);
    this.draftLayer.clearLayers();
    this.draftLayer.addData(grids);
    if (p.status === 'draft') {
      if (this.map.hasLayer(this.published.layer)) this.map.removeLayer(this.published.layer);
      if (!this.map.hasLayer(this.draftLayer)) this.draftLayer.addTo(this.map);
    }
    this._say('plan.opened', { name: p.name, version: p.version, grids: grids.features.length });
    this.impact.innerHTML = '';
    this._refreshButtons();
    document.body.dataset.planVersion = String(p.version);
  }

  /** A new draft: by default a copy of the published plan for the whole street, or as the options say. */
  async createDraft(options = {}) {
    const name = options.name ?? `${t('plan.draftName')} ${new Date().toISOString().slice(0, 16).replace('T', ' ')}`;
    try {
      const created = await postJSON('api/plans', { street: this.me.streetCode, name, note: options.note, basedOn: options.basedOn, community: options.community });
      await this.loadPlans(created.id);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      this.status.textContent = e.message;
    }
  }

  /** fn(plan, plans) is called with the plan as listed each time a plan opens. */
  onOpen(fn) {
    this.openListeners.push(fn);
  }

  // ---------------------------------------------------------------- selection and tools

  _gridFeature(f, layer) {
    layer.on('add', () => layer.getElement()?.setAttribute('data-code', f.properties.code));
    layer.bindTooltip(`${escapeHtml(f.properties.name)}<br>${f.properties.code}`, { direction: 'center', className: 'ga-grid-label' });
    layer.on('click', (e) => {
      L.DomEvent.stop(e);
      if (this.picking) {
        const { kind, first } = this.picking;
        this.picking = null;
        if (kind === 'move') this.preview({ kind: 'move_buildings', grid: f.properties.code, buildings: first });
        else this.preview({ kind, grid: kind === 'delete' ? first : first, other: f.properties.code });
        return;
      }
      this._select(f.properties.code);
    });
  }

  _select(code) {
    this.draftLayer.resetStyle();
    this.selected = null;
    this.draftLayer.eachLayer((l) => {
      if (l.feature.properties.code === code) {
        this.selected = l;
        l.setStyle(SELECTED_STYLE);
      }
    });
    document.body.dataset.selectedGrid = code ?? '';
    this._say('plan.selected', { code });
  }

  _needSelection() {
    if (!this.selected) {
      this._say('plan.selectFirst');
      return true;
    }
    return false;
  }

  startReshape() {
    if (this._needSelection()) return;
    const code = this.selected.feature.properties.code;
    // leaflet-draw edits simple polygons: edit the grid's largest part (with its holes) as one
    let rings = this.selected.getLatLngs();
    if (!L.LineUtil.isFlat(rings[0])) {
      rings = rings.slice().sort((a, b) => L.latLngBounds(b[0]).getNorthEast().distanceTo(L.latLngBounds(b[0]).getSouthWest())
        - L.latLngBounds(a[0]).getNorthEast().distanceTo(L.latLngBounds(a[0]).getSouthWest()))[0];
    }
    // leaflet-draw's vertex editor expects the style options its edit toolbar normally sets
    const shape = L.polygon(rings, {
      ...PREVIEW_STYLE,
      pane: 'ga-communities',
      editing: { className: 'ga-editing' },
      original: { className: PREVIEW_STYLE.className },
    }).addTo(this.map);
    shape.editing.enable();
    this.editingLayer = shape;
    this._say('plan.reshapeHint');
    shape.on('edit', () => this.preview({ kind: 'reshape', grid: code, geometry: shape.toGeoJSON().geometry }));
  }

  startSplit() {
    if (this._needSelection()) return;
    const code = this.selected.feature.properties.code;
    this._draw(new L.Draw.Polyline(this.map, { shapeOptions: PREVIEW_STYLE }), (layer) =>
      this.preview({ kind: 'split', grid: code, line: layer.toGeoJSON().geometry }));
    this._say('plan.splitHint');
  }

  startPick(kind) {
    if (this._needSelection()) return;
    this.picking = { kind, first: this.selected.feature.properties.code };
    this._say(kind === 'merge' ? 'plan.mergeHint' : 'plan.deleteHint');
  }

  startCreate() {
    if (this._needSelection()) return;
    const community = this.selected.feature.properties.community_code;
    this._draw(new L.Draw.Polygon(this.map, { shapeOptions: PREVIEW_STYLE }), (layer) =>
      this.preview({ kind: 'create', community, geometry: layer.toGeoJSON().geometry }));
    this._say('plan.createHint');
  }

  startMove() {
    this._draw(new L.Draw.Rectangle(this.map, { shapeOptions: PREVIEW_STYLE }), async (layer) => {
      const b = layer.getBounds();
      const fc = await getJSON(`api/buildings?bbox=${b.getWest()},${b.getSouth()},${b.getEast()},${b.getNorth()}&limit=500`);
      const codes = fc.features.map((f) => f.properties.code);
      if (!codes.length) return this._say('plan.noBuildings');
      this.picking = { kind: 'move', first: codes };
      this._say('plan.moveHint', { n: codes.length });
    });
    this._say('plan.pickBuildingsHint');
  }

  _draw(handler, done) {
    const onCreated = (e) => {
      this.map.off(L.Draw.Event.CREATED, onCreated);
      done(e.layer);
    };
    this.map.on(L.Draw.Event.CREATED, onCreated);
    handler.enable();
  }

  // ---------------------------------------------------------------- preview, save, undo

  async preview(edit) {
    const started = performance.now();
    this._say('plan.computing');
    try {
      const out = await postJSON(`api/plans/${this.plan.id}/edits/preview`, edit);
      this.pending = edit;
      this._showOutcome(out, performance.now() - started);
    } catch (e) {
      this.cancel(false);
      if (!(e instanceof ApiError)) throw e;
    }
    this._refreshButtons();
  }

  _showOutcome(out, ms) {
    this.previewLayer.clearLayers();
    this.previewLayer.addData(out.grids);
    this.violationLayer.clearLayers();
    out.introduced.forEach((v) => this.violationLayer.addData({ type: 'Feature', geometry: v.geometry, properties: v }));
    this.lastImpact = out.impact;
    const ok = out.introduced.length === 0;
    this.root.querySelector('#edit-save').disabled = !ok;
    this.root.querySelector('#edit-force').hidden = ok;
    this.status.textContent = ok ? t('plan.previewOk', { ms: Math.round(ms) }) : t('plan.previewBroken', { n: out.introduced.length });
    this.status.className = ok ? 'ga-hint' : 'ga-hint ga-hint-error';
    this._renderImpact(out.impact, out.introduced);
  }

  _renderImpact(impact, violations = []) {
    this.impact.innerHTML = '';
    if (!impact) return;
    const table = el('table', { id: 'impact-table', class: 'ga-table' });
    const head = el('tr');
    ['plan.col.grid', 'plan.col.households', 'plan.col.residents', 'plan.col.perWorker', 'plan.col.band'].forEach((k) => head.append(el('th', {}, t(k))));
    const thead = el('thead');
    thead.append(head);
    table.append(thead);
    const body = el('tbody');
    for (const g of impact.grids) {
      const tr = el('tr', { 'data-code': g.grid });
      const hh = `${g.before ? formatNumber(g.before.households) : '—'} → ${g.after ? formatNumber(g.after.households) : '—'}`;
      const rs = `${g.before ? formatNumber(g.before.residents) : '—'} → ${g.after ? formatNumber(g.after.residents) : '—'}`;
      const pw = `${formatNumber(g.before?.householdsPerWorker)} → ${formatNumber(g.after?.householdsPerWorker)}`;
      const band = g.leavesBand ? t('plan.band.leaves') : g.entersBand ? t('plan.band.enters') : t(`plan.band.${g.after?.householdStatus ?? 'removed'}`);
      tr.append(el('td', {}, g.grid.slice(9)), el('td', { class: 'num' }, hh), el('td', { class: 'num' }, rs), el('td', { class: 'num' }, pw), el('td', { class: g.leavesBand ? 'ga-bad' : '' }, band));
      body.append(tr);
    }
    table.append(body);
    const moved = impact.moves.reduce((s, m) => s + m.households, 0);
    const summary = el('p', { id: 'impact-summary', class: 'ga-hint' }, t('plan.moves', { n: impact.moves.length, households: formatNumber(moved) }));
    const list = el('ul', { id: 'violation-list', class: 'ga-violations' });
    violations.forEach((v) => list.append(el('li', {}, `${t(`plan.rule.${v.kind}`)} ${v.building ?? ''} ${v.grids.join(', ')} · ${formatNumber(v.areaM2, 1)} m²`)));
    const exportButton = this._button('impact-csv', 'plan.exportCsv', () => this._exportImpact());
    this.impact.append(summary, table, this._movesTable(impact.moves), list, exportButton);
  }

  /** The buildings that change grid (the first 50; the CSV has them all). */
  _movesTable(moves) {
    const box = el('div', { id: 'impact-moves' });
    if (!moves.length) return box;
    const table = el('table', { class: 'ga-table' });
    const head = el('tr');
    ['plan.col.building', 'plan.col.fromTo', 'plan.col.movedHouseholds'].forEach((k) => head.append(el('th', {}, t(k))));
    const thead = el('thead');
    thead.append(head);
    const body = el('tbody');
    moves.slice(0, 50).forEach((m) => {
      const tr = el('tr', { 'data-building': m.building });
      tr.append(el('td', {}, `${m.building} ${m.address ?? ''}`), el('td', {}, `${m.from?.slice(9) ?? '—'} → ${m.to?.slice(9) ?? '—'}`), el('td', { class: 'num' }, formatNumber(m.households)));
      body.append(tr);
    });
    table.append(thead, body);
    box.append(table);
    if (moves.length > 50) box.append(el('p', { class: 'ga-hint' }, t('plan.movesMore', { n: moves.length - 50 })));
    return box;
  }

  _exportImpact() {
    const i = this.lastImpact;
    if (!i) return;
    const rows = [['grid', 'households_before', 'households_after', 'residents_before', 'residents_after', 'per_worker_before', 'per_worker_after', 'status_after', 'leaves_band', 'enters_band']];
    i.grids.forEach((g) => rows.push([g.grid, g.before?.households, g.after?.households, g.before?.residents, g.after?.residents, g.before?.householdsPerWorker, g.after?.householdsPerWorker, g.after?.householdStatus, g.leavesBand, g.entersBand]));
    rows.push([]);
    rows.push(['building', 'address', 'from', 'to', 'households']);
    i.moves.forEach((m) => rows.push([m.building, m.address, m.from, m.to, m.households]));
    downloadCsv(`plan-${this.plan.id}-impact.csv`, `${rows.map((r) => r.map((v) => csvCell(v)).join(',')).join('\r\n')}\r\n`);
  }

  async save(acceptViolations) {
    if (!this.pending) return;
    const out = await postJSON(`api/plans/${this.plan.id}/edits`, { ...this.pending, version: this.plan.version, acceptViolations })
      .catch((e) => {
        if (e instanceof ApiError && e.problem?.parameter === 'version') this._say('plan.conflict', { v: e.problem.currentVersion });
        return null;
      });
    if (!out) return;
    await this._afterChange(out.version, 'plan.saved');
    this._renderImpact(out.impact, out.introduced);
  }

  cancel(reload = true) {
    this.pending = null;
    this.picking = null;
    this.previewLayer.clearLayers();
    this.violationLayer.clearLayers();
    this._stopEditing();
    if (reload && this.plan) this.open(this.plan.id);
    this._refreshButtons();
  }

  _stopEditing() {
    if (!this.editingLayer) return;
    this.editingLayer.editing.disable();
    this.editingLayer.off('edit');
    this.map.removeLayer(this.editingLayer);
    this.editingLayer = null;
  }

  async step(which) {
    const out = await postJSON(`api/plans/${this.plan.id}/${which}`, { version: this.plan.version }).catch(() => null);
    if (out) await this._afterChange(out.version, which === 'undo' ? 'plan.undone' : 'plan.redone');
  }

  async _afterChange(version, key) {
    this.pending = null;
    this._stopEditing();
    this.previewLayer.clearLayers();
    this.violationLayer.clearLayers();
    const id = this.plan.id;
    await this.open(id);
    this.plan.version = version;
    document.body.dataset.planVersion = String(version);
    this._say(key, { version });
  }

  // ---------------------------------------------------------------- compare, validate, publish

  async compare() {
    const out = await getJSON(`api/plans/${this.plan.id}/compare`);
    this.changedLayer.clearLayers();
    this.changedLayer.addData(out.changedAreas);
    if (!this.map.hasLayer(this.changedLayer)) this.changedLayer.addTo(this.map);
    this._renderImpact(out.impact);
    this._say('plan.compared', { with: out.with, n: out.changedAreas.features.length });
    return out;
  }

  async validate() {
    const out = await getJSON(`api/plans/${this.plan.id}/validation`);
    this.violationLayer.clearLayers();
    const all = Object.values(out.communities).flat();
    all.forEach((v) => this.violationLayer.addData({ type: 'Feature', geometry: v.geometry, properties: v }));
    this._renderImpact({ grids: [], moves: [] }, all);
    this._say('plan.validated', { n: all.length });
  }

  async publish() {
    const cmp = await this.compare();
    const moved = cmp.impact.moves.reduce((s, m) => s + m.households, 0);
    const message = t('plan.confirmPublish', { name: this.plan.name, grids: cmp.impact.grids.length, buildings: cmp.impact.moves.length, households: moved });
    if (!window.confirm(message)) return;
    const out = await postJSON(`api/plans/${this.plan.id}/publish`, { version: this.plan.version }).catch(() => null);
    if (!out) return;
    await this.loadPlans(out.plan);
    this._say('plan.published', { renumbered: Object.keys(out.renumbered).length, review: out.assignmentsToReview.length, incidents: out.incidents?.moved ?? 0 });
    this._renderPublication(out);
  }

  /** What a publication asks the planner to look at: new codes and the worker duties on changed grids. */
  _renderPublication(out) {
    this.impact.innerHTML = '';
    const renumbered = Object.entries(out.renumbered);
    if (renumbered.length) {
      const list = el('ul', { id: 'publish-renumbered', class: 'ga-violations' });
      renumbered.forEach(([from, to]) => list.append(el('li', {}, `${from} → ${to}`)));
      this.impact.append(el('h3', {}, t('plan.renumbered')), list);
    }
    if (!out.assignmentsToReview.length) return;
    const table = el('table', { id: 'publish-review', class: 'ga-table' });
    const head = el('tr');
    ['plan.col.grid', 'plan.col.worker', 'plan.col.workerKind', 'plan.col.role'].forEach((k) => head.append(el('th', {}, t(k))));
    const thead = el('thead');
    thead.append(head);
    const body = el('tbody');
    out.assignmentsToReview.forEach((a) => {
      const tr = el('tr', { 'data-worker': a.worker });
      tr.append(el('td', {}, a.grid), el('td', {}, a.worker), el('td', {}, a.kind), el('td', {}, a.role));
      body.append(tr);
    });
    table.append(thead, body);
    const csv = this._button('publish-review-csv', 'plan.exportCsv', () => {
      const rows = [['grid', 'worker', 'kind', 'role'], ...out.assignmentsToReview.map((a) => [a.grid, a.worker, a.kind, a.role])];
      downloadCsv(`plan-${out.plan}-duties-to-review.csv`, `${rows.map((r) => r.map((v) => csvCell(v)).join(',')).join('\r\n')}\r\n`);
    });
    this.impact.append(el('h3', {}, t('plan.review')), table, csv);
  }

  _violationFeature(f, layer) {
    const v = f.properties;
    layer.bindTooltip(`${t(`plan.rule.${v.kind}`)} ${v.building ?? ''} ${formatNumber(v.areaM2, 1)} m²`, { permanent: true, direction: 'top', className: 'ga-violation-label' });
  }
}
