// Importing a boundary plan file on the planner's page (导入方案文件): a GeoJSON or KML file of grid polygons
// becomes a new draft (POST /api/plans/import). A refused file is explained in the dialog: the features and fields
// the server could not read (422), or the grid rules the file's grids break (409, with the feature numbers);
// an imported draft opens in the editor. The open plan exports as GeoJSON (code, name, community_code: the
// import's own format, so a file can go out to a desktop GIS and come back).
import { ApiError, postMultipart } from './api.js';
import { save } from './csv.js';
import { addMessages, formatNumber, onLanguageChange, t } from './i18n.js';
import { getAllFeatures } from './layers.js';
import { el } from './map.js';

addMessages('zh-CN', {
  'planImport.open': '导入方案文件',
  'planImport.geojson': '导出 GeoJSON',
  'planImport.title': '导入边界方案（GeoJSON / KML）',
  'planImport.file': '方案文件',
  'planImport.name': '草案名称',
  'planImport.defaultName': '导入方案',
  'planImport.accept': '违反规则时仍导入（在历史中标记）',
  'planImport.hint': '每个要素为一个网格：属性 code（15 位网格编码）和 name（可选）。文件中出现的社区整体替换为文件中的网格，其他社区沿用现行方案。',
  'planImport.submit': '导入',
  'planImport.close': '关闭',
  'planImport.noFile': '请先选择文件',
  'planImport.working': '正在上传并检查文件…',
  'planImport.done': '已导入为草案 #{id}：{grids} 个网格，{communities} 个社区',
  'planImport.rejected': '文件无法读取，未保存任何内容（{n} 处问题）：',
  'planImport.refused': '文件中的网格违反网格规则，未保存（{n} 处）：',
  'planImport.col.feature': '要素',
  'planImport.col.field': '字段',
  'planImport.col.reason': '原因',
  'planImport.col.rule': '规则',
  'planImport.col.grids': '网格',
  'planImport.col.area': '面积（m²）',
  'planImport.field.code': '网格编码 code',
  'planImport.field.geometry': '几何图形',
  'planImport.field.features': '要素集合',
  'planImport.field.file': '文件',
  'planImport.whole': '整个文件',
  'planImport.failed': '导入失败：{message}',
});
addMessages('en', {
  'planImport.open': 'Import a plan file',
  'planImport.geojson': 'Export GeoJSON',
  'planImport.title': 'Import a boundary plan (GeoJSON / KML)',
  'planImport.file': 'Plan file',
  'planImport.name': 'Draft name',
  'planImport.defaultName': 'Imported plan',
  'planImport.accept': 'Import even if rules are broken (flagged in the history)',
  'planImport.hint': 'One feature per grid, with properties code (15-digit grid code) and name (optional). The communities in the file get exactly its grids; the others keep the plan in force.',
  'planImport.submit': 'Import',
  'planImport.close': 'Close',
  'planImport.noFile': 'Choose a file first',
  'planImport.working': 'Uploading and checking the file…',
  'planImport.done': 'Imported as draft #{id}: {grids} grids in {communities} communities',
  'planImport.rejected': 'The file could not be read; nothing was saved ({n} problems):',
  'planImport.refused': 'The file\'s grids break the grid rules; nothing was saved ({n} faults):',
  'planImport.col.feature': 'Feature',
  'planImport.col.field': 'Field',
  'planImport.col.reason': 'Reason',
  'planImport.col.rule': 'Rule',
  'planImport.col.grids': 'Grids',
  'planImport.col.area': 'Area (m²)',
  'planImport.field.code': 'grid code',
  'planImport.field.geometry': 'geometry',
  'planImport.field.features': 'feature collection',
  'planImport.field.file': 'file',
  'planImport.whole': 'whole file',
  'planImport.failed': 'Import failed: {message}',
});

function table(id, headKeys, rows) {
  const tableEl = el('table', { id, class: 'ga-table' });
  const head = el('tr');
  headKeys.forEach((k) => head.append(el('th', {}, t(k))));
  const thead = el('thead');
  thead.append(head);
  const body = el('tbody');
  rows.forEach((cells) => {
    const tr = el('tr');
    cells.forEach((c) => tr.append(el('td', {}, c)));
    body.append(tr);
  });
  tableEl.append(thead, body);
  return tableEl;
}

function fieldName(field) {
  const key = `planImport.field.${field}`;
  const text = t(key);
  return text === key ? field : text;
}

export class PlanImport {
  /**
   * @param root where the import button goes
   * @param me the signed-in user (street code)
   * @param opened called with the new draft's id once it is stored
   * @param currentPlan gives the plan open in the editor ({ id, name }) for the GeoJSON export
   */
  constructor(root, me, opened, currentPlan) {
    this.me = me;
    this.opened = opened;
    this.currentPlan = currentPlan;
    this.button = el('button', { id: 'plan-import', class: 'ga-button', type: 'button' });
    this.button.disabled = !['planner', 'admin'].includes(me.role);
    this.button.addEventListener('click', () => this.show());
    this.exportButton = el('button', { id: 'plan-geojson', class: 'ga-button', type: 'button' });
    this.exportButton.addEventListener('click', () => this.exportGeoJson());
    this.dialog = this._dialog();
    root.append(this.button, this.exportButton, this.dialog);
    this._texts();
    onLanguageChange(() => this._texts());
  }

  _dialog() {
    const d = el('dialog', { id: 'plan-import-dialog', class: 'ga-dialog' });
    this.heading = el('h2');
    this.hint = el('p', { class: 'ga-hint' });
    this.fileLabel = el('label', { for: 'plan-import-file' });
    this.file = el('input', { id: 'plan-import-file', type: 'file', accept: '.geojson,.json,.kml,application/geo+json,application/vnd.google-earth.kml+xml' });
    this.nameLabel = el('label', { for: 'plan-import-name' });
    this.name = el('input', { id: 'plan-import-name', type: 'text', maxlength: '100' });
    this.accept = el('input', { id: 'plan-import-accept', type: 'checkbox' });
    this.acceptLabel = el('label', { for: 'plan-import-accept' });
    this.submit = el('button', { id: 'plan-import-submit', class: 'ga-button ga-button-primary', type: 'button' });
    this.submit.addEventListener('click', () => this.upload());
    this.closeButton = el('button', { id: 'plan-import-close', class: 'ga-button', type: 'button' });
    this.closeButton.addEventListener('click', () => d.close());
    this.status = el('p', { id: 'plan-import-status', class: 'ga-hint', 'aria-live': 'polite' });
    this.result = el('div', { id: 'plan-import-result', class: 'ga-import-result' });
    const fields = el('div', { class: 'ga-dialog-fields' });
    fields.append(this.fileLabel, this.file, this.nameLabel, this.name);
    const accept = el('div');
    accept.append(this.accept, this.acceptLabel);
    const buttons = el('div', { class: 'ga-plan-tools' });
    buttons.append(this.submit, this.closeButton);
    d.append(this.heading, this.hint, fields, accept, buttons, this.status, this.result);
    return d;
  }

  _texts() {
    this.button.textContent = t('planImport.open');
    this.exportButton.textContent = t('planImport.geojson');
    this.heading.textContent = t('planImport.title');
    this.hint.textContent = t('planImport.hint');
    this.fileLabel.textContent = t('planImport.file');
    this.nameLabel.textContent = t('planImport.name');
    this.acceptLabel.textContent = t('planImport.accept');
    this.submit.textContent = t('planImport.submit');
    this.closeButton.textContent = t('planImport.close');
  }

  show() {
    this.status.textContent = '';
    this.status.className = 'ga-hint';
    this.result.innerHTML = '';
    if (!this.name.value) this.name.value = `${t('planImport.defaultName')} ${new Date().toISOString().slice(0, 10)}`;
    this.dialog.showModal();
  }

  async upload() {
    const file = this.file.files[0];
    this.result.innerHTML = '';
    if (!file) {
      this._say('planImport.noFile', {}, true);
      return;
    }
    const form = new FormData();
    form.append('file', file, file.name);
    form.append('street', this.me.streetCode);
    form.append('name', this.name.value.trim() || t('planImport.defaultName'));
    form.append('acceptViolations', String(this.accept.checked));
    this.submit.disabled = true;
    this.dialog.dataset.state = 'working';
    this._say('planImport.working');
    try {
      const created = await postMultipart('api/plans/import', form);
      this.dialog.dataset.state = 'done';
      this.dialog.close();
      await this.opened(created.id);
      this._say('planImport.done', { id: created.id, grids: created.grids, communities: created.communities.length });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      document.getElementById('ga-error')?.remove(); // the dialog explains it
      this.dialog.dataset.state = 'refused';
      this._refused(e);
    } finally {
      this.submit.disabled = false;
    }
  }

  _refused(e) {
    const p = e.problem ?? {};
    if (e.status === 422 && Array.isArray(p.errors)) {
      this._say('planImport.rejected', { n: p.errors.length }, true);
      const rows = p.errors.map((x) => [x.row > 0 ? `#${x.row}` : t('planImport.whole'), fieldName(x.field), x.reason]);
      this.result.append(table('plan-import-errors', ['planImport.col.feature', 'planImport.col.field', 'planImport.col.reason'], rows));
    } else if (e.status === 409 && Array.isArray(p.violations)) {
      this._say('planImport.refused', { n: p.violations.length }, true);
      const rows = p.violations.map((v) => [
        t(`plan.rule.${v.kind}`) + (v.building ? ` ${v.building}` : ''),
        (v.features ?? []).filter((n) => n != null).map((n) => `#${n}`).join(', ') || '—',
        (v.grids ?? []).join(', ') || '—',
        formatNumber(v.areaM2, 1),
      ]);
      this.result.append(table('plan-import-violations', ['planImport.col.rule', 'planImport.col.feature', 'planImport.col.grids', 'planImport.col.area'], rows));
    } else {
      this._say('planImport.failed', { message: e.message }, true);
    }
  }

  /** The open plan's grids as a GeoJSON file that imports back as the same grids. */
  async exportGeoJson() {
    const plan = this.currentPlan();
    if (!plan) return;
    const all = await getAllFeatures(`api/grids?plan=${plan.id}`);
    const features = all.features.map((f) => ({
      type: 'Feature',
      properties: { code: f.properties.code, name: f.properties.name, community_code: f.properties.community_code },
      geometry: f.geometry,
    }));
    const text = JSON.stringify({ type: 'FeatureCollection', name: plan.name, features });
    save(`plan-${plan.id}.geojson`, new Blob([text], { type: 'application/geo+json' }));
  }

  _say(key, params = {}, error = false) {
    const text = t(key, params);
    this.status.textContent = text;
    this.status.className = error ? 'ga-hint ga-hint-error' : 'ga-hint';
    if (!this.dialog.open) document.getElementById('plan-status')?.replaceChildren(text);
  }
}
