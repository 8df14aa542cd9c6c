// The open plan's particulars and history on the planner's page (方案信息与编辑历史): who made it, when, for which
// scope, on which plan it is based and the planner's note; the options of a new draft (name, note, the plan to
// copy — the published one or another draft — and the whole street or one community); and the plan's edit
// history (GET /api/plans/{id}/history), exportable as CSV.
import { getJSON } from './api.js';
import { csvCell, downloadCsv } from './csv.js';
import { addMessages, onLanguageChange, t } from './i18n.js';
import { el, escapeHtml } from './map.js';
import { getAllFeatures } from './layers.js';

addMessages('zh-CN', {
  'planDetails.info': '作者 {author} · 创建于 {created} · 范围 {scope} · 基于 {basedOn}',
  'planDetails.published': ' · 发布于 {at}',
  'planDetails.note': '备注：{note}',
  'planDetails.street': '全街道',
  'planDetails.none': '—',
  'planDetails.options': '新草案选项',
  'planDetails.name': '名称',
  'planDetails.noteField': '备注',
  'planDetails.base': '复制自',
  'planDetails.base.published': '现行（已发布）方案',
  'planDetails.scope': '范围',
  'planDetails.create': '按选项新建草案',
  'planDetails.history': '编辑历史',
  'planDetails.historyCsv': '历史 CSV',
  'planDetails.historyEmpty': '此方案还没有编辑记录',
  'planDetails.col.seq': '序号',
  'planDetails.col.kind': '操作',
  'planDetails.col.author': '操作人',
  'planDetails.col.at': '时间',
  'planDetails.col.grids': '涉及网格',
  'planDetails.kind.created': '创建草案',
  'planDetails.kind.imported': '导入文件',
  'planDetails.kind.archive': '归档',
  'planDetails.kind.reshape': '调整边界',
  'planDetails.kind.split': '拆分',
  'planDetails.kind.merge': '合并',
  'planDetails.kind.delete': '删除',
  'planDetails.kind.create': '新建网格',
  'planDetails.kind.move_buildings': '移交楼栋',
  'planDetails.kind.undo': '撤销',
  'planDetails.kind.redo': '重做',
  'planDetails.flagged': '（违规已标记）',
});
addMessages('en', {
  'planDetails.info': 'By {author} · created {created} · scope {scope} · based on {basedOn}',
  'planDetails.published': ' · published {at}',
  'planDetails.note': 'Note: {note}',
  'planDetails.street': 'whole street',
  'planDetails.none': '—',
  'planDetails.options': 'New draft options',
  'planDetails.name': 'Name',
  'planDetails.noteField': 'Note',
  'planDetails.base': 'Copy of',
  'planDetails.base.published': 'the plan in force (published)',
  'planDetails.scope': 'Scope',
  'planDetails.create': 'New draft with these options',
  'planDetails.history': 'Edit history',
  'planDetails.historyCsv': 'History CSV',
  'planDetails.historyEmpty': 'No edits in this plan yet',
  'planDetails.col.seq': 'No.',
  'planDetails.col.kind': 'Action',
  'planDetails.col.author': 'By',
  'planDetails.col.at': 'Time',
  'planDetails.col.grids': 'Grids',
  'planDetails.kind.created': 'draft created',
  'planDetails.kind.imported': 'file imported',
  'planDetails.kind.archive': 'archived',
  'planDetails.kind.reshape': 'boundary reshaped',
  'planDetails.kind.split': 'split',
  'planDetails.kind.merge': 'merge',
  'planDetails.kind.delete': 'delete',
  'planDetails.kind.create': 'grid created',
  'planDetails.kind.move_buildings': 'buildings moved',
  'planDetails.kind.undo': 'undo',
  'planDetails.kind.redo': 'redo',
  'planDetails.flagged': ' (faults flagged)',
});

const time = (iso) => (iso ? String(iso).slice(0, 16).replace('T', ' ') : '');

export class PlanDetails {
  constructor(root, me, editor) {
    this.root = root;
    this.me = me;
    this.editor = editor;
    this.plans = [];
    this.communities = [];
    this.history = null;
    editor.onOpen((plan, plans) => this.show(plan, plans));
    onLanguageChange(() => this._render());
    this._loadCommunities();
  }

  async _loadCommunities() {
    const fc = await getAllFeatures('api/communities');
    this.communities = fc.features.map((f) => ({ code: f.properties.code, name: f.properties.name }));
    this._render();
  }

  /** Called by the editor whenever a plan opens. */
  show(plan, plans) {
    this.plan = plan;
    this.plans = plans;
    this.history = null;
    this._render();
  }

  _render() {
    this.root.innerHTML = '';
    this.root.append(this._info());
    if (['planner', 'admin'].includes(this.me.role)) this.root.append(this._options());
    const buttons = el('div', { class: 'ga-plan-tools' });
    const show = el('button', { id: 'plan-history-show', class: 'ga-button', type: 'button' }, t('planDetails.history'));
    show.disabled = !this.plan;
    show.addEventListener('click', () => this.loadHistory());
    buttons.append(show);
    if (this.history) {
      const csv = el('button', { id: 'plan-history-csv', class: 'ga-button', type: 'button' }, t('planDetails.historyCsv'));
      csv.addEventListener('click', () => this._exportHistory());
      buttons.append(csv);
    }
    this.root.append(buttons);
    if (this.history) this.root.append(this._historyTable());
  }

  _info() {
    const box = el('div', { id: 'plan-details', class: 'ga-hint' });
    const p = this.plan;
    if (!p) return box;
    const community = p.communityCode ? this.communities.find((c) => c.code === p.communityCode) : null;
    const base = this.plans.find((x) => x.id === p.basedOn);
    let info = t('planDetails.info', {
      author: p.author ?? t('planDetails.none'),
      created: time(p.createdAt),
      scope: p.communityCode ? `${community?.name ?? ''} ${p.communityCode}`.trim() : t('planDetails.street'),
      basedOn: p.basedOn ? `${base?.name ?? ''} #${p.basedOn}`.trim() : t('planDetails.none'),
    });
    if (p.publishedAt) info += t('planDetails.published', { at: time(p.publishedAt) });
    box.append(el('span', { 'data-plan-author': p.author ?? '' }, info));
    if (p.note) box.append(el('br'), el('span', { id: 'plan-note' }, t('planDetails.note', { note: p.note })));
    return box;
  }

  _options() {
    const details = el('details', { id: 'plan-new-options', class: 'ga-plan-options' });
    details.append(el('summary', {}, t('planDetails.options')));
    const field = (id, key, input) => {
      const label = el('label', { for: id }, t(key));
      input.id = id;
      details.append(el('div', { class: 'ga-plan-row' }));
      details.lastChild.append(label, input);
      return input;
    };
    this.nameInput = field('plan-new-name', 'planDetails.name', el('input', { type: 'text', maxlength: '80' }));
    this.noteInput = field('plan-new-note', 'planDetails.noteField', el('input', { type: 'text', maxlength: '500' }));
    this.baseSelect = field('plan-new-base', 'planDetails.base', el('select'));
    this.baseSelect.append(el('option', { value: '' }, t('planDetails.base.published')));
    this.plans
      .filter((p) => p.status !== 'archived')
      .forEach((p) => this.baseSelect.append(el('option', { value: String(p.id) }, `${p.name} #${p.id}`)));
    this.scopeSelect = field('plan-new-community', 'planDetails.scope', el('select'));
    this.scopeSelect.append(el('option', { value: '' }, t('planDetails.street')));
    this.communities.forEach((c) => this.scopeSelect.append(el('option', { value: c.code }, `${c.name} ${c.code}`)));
    const create = el('button', { id: 'plan-new-with-options', class: 'ga-button', type: 'button' }, t('planDetails.create'));
    create.addEventListener('click', () =>
      this.editor.createDraft({
        name: this.nameInput.value.trim() || undefined,
        note: this.noteInput.value.trim() || undefined,
        basedOn: this.baseSelect.value ? Number(this.baseSelect.value) : undefined,
        community: this.scopeSelect.value || undefined,
      }),
    );
    details.append(create);
    return details;
  }

  async loadHistory() {
    if (!this.plan) return;
    this.history = await getJSON(`api/plans/${this.plan.id}/history`);
    this._render();
  }

  _rows() {
    return this.history.map((e) => {
      let payload = {};
      try {
        payload = JSON.parse(e.payload ?? '{}') ?? {};
      } catch {
        payload = {};
      }
      const key = `planDetails.kind.${e.kind}`;
      const kind = t(key) === key ? e.kind : t(key);
      const grids = Array.isArray(payload.grids) ? payload.grids.join(' ') : '';
      return [e.seq, kind + (payload.flagged ? t('planDetails.flagged') : ''), e.author ?? '', time(e.at), grids];
    });
  }

  _headers() {
    return ['seq', 'kind', 'author', 'at', 'grids'].map((c) => t(`planDetails.col.${c}`));
  }

  _historyTable() {
    const rows = this._rows();
    if (!rows.length) return el('p', { id: 'plan-history-table', class: 'ga-hint' }, t('planDetails.historyEmpty'));
    const wrap = el('div', { class: 'ga-impact' });
    const table = el('table', { id: 'plan-history-table', class: 'ga-table' });
    table.innerHTML = `<thead><tr>${this._headers().map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
    const body = el('tbody');
    rows.forEach((r) => {
      const tr = el('tr', { 'data-seq': String(r[0]) });
      tr.innerHTML = r.map((v) => `<td>${escapeHtml(String(v))}</td>`).join('');
      body.append(tr);
    });
    table.append(body);
    wrap.append(table);
    return wrap;
  }

  _exportHistory() {
    const lines = [this._headers(), ...this._rows()].map((r) => r.map((v) => csvCell(v)).join(','));
    downloadCsv(`plan-${this.plan.id}-history.csv`, `${lines.join('\r\n')}\r\n`);
  }
}
