// Interface text of GridAtlas: Chinese (zh-CN, the default) and English.
// Elements carry data-i18n="key" (text), data-i18n-title / data-i18n-placeholder / data-i18n-aria-label
// (attributes); applyI18n() fills them. Code asks t(key, params) and listens with onLanguageChange().

const STORAGE_KEY = 'gridatlas.lang';

const dictionaries = {
  'zh-CN': {
    'app.name': '网格图谱',
    'app.product': '网格图谱 GridAtlas',
    'app.tagline': '城市社区网格化管理 · 一张图',
    'login.pageTitle': '登录 · 网格图谱 GridAtlas',
    'login.heading': '网格图谱 GridAtlas 登录',
    'login.username': '用户名',
    'login.password': '密码',
    'login.submit': '登录',
    'login.error': '用户名或密码错误',
    'login.loggedOut': '已退出',
    'index.pageTitle': '网格图谱 GridAtlas',
    'page.loading': '正在加载…',
    'page.planner': '规划 · 网格图谱 GridAtlas',
    'page.supervisor': '督办 · 网格图谱 GridAtlas',
    'page.chief': '网格长 · 网格图谱 GridAtlas',
    'nav.label': '角色页面',
    'nav.planner': '规划',
    'nav.supervisor': '督办',
    'nav.chief': '网格长',
    'role.admin': '管理员',
    'role.planner': '规划',
    'role.supervisor': '督办',
    'role.grid_chief': '网格长',
    'header.logout': '退出',
    'header.language': '语言',
    'lang.zh': '中文',
    'lang.en': 'English',
    'map.base': '底图',
    'map.label': '地图',
    'map.legend': '图例',
    'layer.street': '街道边界',
    'layer.communities': '社区',
    'layer.grids': '网格',
    'layer.buildings': '楼栋',
    'legend.gridsByCommunity': '网格（按社区着色）',
    'building.old': '老旧小区',
    'building.commercial': '商品房',
    'building.resettlement': '安置房',
    'building.public_rental': '公租房',
    'building.other': '其他',
    'field.code': '编码',
    'field.name': '名称',
    'field.community': '社区',
    'field.buildings': '楼栋数',
    'field.households': '户数',
    'field.residents': '人口',
    'field.area': '面积（m²）',
    'col.buildings': '楼栋数',
    'col.households': '户数',
    'col.residents': '人口',
    'field.address': '地址',
    'field.compound': '小区',
    'field.type': '类型',
    'field.floors': '层数',
    'field.lift': '电梯',
    'value.yes': '有',
    'value.no': '无',
    'panel.grids': '本范围网格',
    'panel.summary': '{grids} 个网格 · {buildings} 栋楼 · {households} 户 · {residents} 人',
    'panel.empty': '本范围内没有已发布方案的网格。',
    'panel.sortHint': '点击表头排序，点击行在地图上定位。',
    'table.total': '合计',
    'export.csv': '导出 CSV',
    'export.fileName': '网格',
    'note.title': '后续功能',
    'note.planner': '选择或新建草案，在地图上选中网格后使用编辑工具；每次编辑先显示影响（户数变化、楼栋调整、是否超出标准），确认后保存。自动均衡方案将在后续版本加入。',
    'plan.title': '边界方案',
    'plan.current': '方案',
    'plan.new': '新建草案',
    'plan.draftName': '调整草案',
    'plan.status.draft': '草案',
    'plan.status.published': '现行',
    'plan.status.archived': '已归档',
    'plan.layer.draft': '方案网格',
    'plan.layer.preview': '编辑预览',
    'plan.layer.violations': '规则问题',
    'plan.layer.changed': '与现行方案的差异',
    'plan.tool.reshape': '改边界',
    'plan.tool.split': '切分',
    'plan.tool.merge': '合并',
    'plan.tool.delete': '删除',
    'plan.tool.create': '补缺口',
    'plan.tool.move': '移楼栋',
    'plan.tool.undo': '撤销',
    'plan.tool.redo': '重做',
    'plan.compare': '对比现行',
    'plan.validate': '检查规则',
    'plan.publish': '发布',
    'plan.kml': '导出 KML',
    'plan.save': '保存编辑',
    'plan.saveAnyway': '仍然保存并标记',
    'plan.cancel': '取消',
    'plan.exportCsv': '导出 CSV',
    'plan.opened': '{name}：第 {version} 版，{grids} 个网格',
    'plan.selected': '已选网格 {code}',
    'plan.selectFirst': '请先在地图上点选一个方案网格',
    'plan.reshapeHint': '拖动边界顶点；松开后显示影响',
    'plan.splitHint': '画一条穿过网格的线（双击结束）',
    'plan.mergeHint': '点选要并入的相邻网格',
    'plan.deleteHint': '点选接收该网格范围的相邻网格',
    'plan.createHint': '在缺口处画多边形（点击第一个点结束）',
    'plan.pickBuildingsHint': '框选要调整的楼栋',
    'plan.moveHint': '已选 {n} 栋楼，点选目标网格',
    'plan.noBuildings': '框内没有楼栋',
    'plan.computing': '正在计算影响…',
    'plan.previewOk': '影响已计算（{ms} 毫秒），规则检查通过；确认后保存',
    'plan.previewBroken': '此编辑违反 {n} 条规则，已在地图上标出',
    'plan.saved': '已保存，第 {version} 版',
    'plan.undone': '已撤销，第 {version} 版',
    'plan.redone': '已重做，第 {version} 版',
    'plan.conflict': '他人已保存新的编辑（第 {v} 版），请重新加载后再编辑',
    'plan.compared': '与现行方案（#{with}）相比：{n} 处范围变化',
    'plan.validated': '规则检查：{n} 处问题',
    'plan.confirmPublish': '发布“{name}”？\n{grids} 个网格变化，{buildings} 栋楼（{households} 户）调整网格。现行方案将归档。',
    'plan.published': '已发布：{renumbered} 个新网格编号，{review} 条网格员分工待复核',
    'plan.moves': '{n} 栋楼调整网格，共 {households} 户',
    'plan.col.grid': '网格',
    'plan.col.households': '户数 前→后',
    'plan.col.perWorker': '户/专职网格员',
    'plan.col.band': '户数标准',
    'plan.band.below': '低于标准',
    'plan.band.within': '符合标准',
    'plan.band.above': '高于标准',
    'plan.band.removed': '撤销',
    'plan.band.leaves': '超出标准',
    'plan.band.enters': '进入标准',
    'plan.rule.gap': '缺口',
    'plan.rule.overlap': '重叠',
    'plan.rule.outside_community': '超出社区',
    'plan.rule.building_split': '楼栋被切分',
    'plan.rule.empty': '空网格',
    'plan.rule.invalid': '无效多边形',
    'note.supervisor': '事件热力图、热点分析和三率（响应率、办结率、满意率）及 721 分级统计将在后续版本加入；本页目前显示本街道的网格。',
    'note.chief': '覆盖与工作量（每名网格员负责的户数与标准对比、缺口与重叠、无人负责的网格）将在后续版本加入；本页目前显示本社区的网格。',
    'error.request': '请求失败',
    'error.network': '无法连接服务器',
  },
  en: {
    'app.name': 'GridAtlas',
    'app.product': '网格图谱 GridAtlas',
    'app.tagline': 'Urban community grid governance on one map',
    'login.pageTitle': 'Sign in · GridAtlas',
    'login.heading': 'Sign in to GridAtlas',
    'login.username': 'User name',
    'login.password': 'Password',
    'login.submit': 'Sign in',
    'login.error': 'Wrong user name or password',
    'login.loggedOut': 'Signed out',
    'index.pageTitle': 'GridAtlas',
    'page.loading': 'Loading…',
    'page.planner': 'Planner · GridAtlas',
    'page.supervisor': 'Supervisor · GridAtlas',
    'page.chief': 'Grid chief · GridAtlas',
    'nav.label': 'Role pages',
    'nav.planner': 'Planner',
    'nav.supervisor': 'Supervisor',
    'nav.chief': 'Grid chief',
    'role.admin': 'Administrator',
    'role.planner': 'Planner',
    'role.supervisor': 'Supervisor',
    'role.grid_chief': 'Grid chief',
    'header.logout': 'Sign out',
    'header.language': 'Language',
    'lang.zh': '中文',
    'lang.en': 'English',
    'map.base': 'Base map',
    'map.label': 'Map',
    'map.legend': 'Legend',
    'layer.street': 'Street boundary',
    'layer.communities': 'Communities',
    'layer.grids': 'Grids',
    'layer.buildings': 'Buildings',
    'legend.gridsByCommunity': 'Grids (colour by community)',
    'building.old': 'Old estate',
    'building.commercial': 'Commercial housing',
    'building.resettlement': 'Resettlement housing',
    'building.public_rental': 'Public rental',
    'building.other': 'Other',
    'field.code': 'Code',
    'field.name': 'Name',
    'field.community': 'Community',
    'field.buildings': 'Buildings',
    'field.households': 'Households',
    'field.residents': 'Residents',
    'field.area': 'Area (m²)',
    'col.buildings': 'Bldgs',
    'col.households': 'Hholds',
    'col.residents': 'Pop.',
    'field.address': 'Address',
    'field.compound': 'Compound',
    'field.type': 'Type',
    'field.floors': 'Floors',
    'field.lift': 'Lift',
    'value.yes': 'yes',
    'value.no': 'no',
    'panel.grids': 'Grids in scope',
    'panel.summary': '{grids} grids · {buildings} buildings · {households} households · {residents} residents',
    'panel.empty': 'No grids of a published plan in this scope.',
    'panel.sortHint': 'Click a header to sort, a row to find the grid on the map.',
    'table.total': 'Total',
    'export.csv': 'Export CSV',
    'export.fileName': 'grids',
    'note.title': 'Coming next',
    'note.planner': 'Pick or create a draft, select a grid on the map and use the tools; every edit first shows its impact (households, buildings moved, norm bands) and is saved when you confirm. Balanced proposals come in a later version.',
    'plan.title': 'Boundary plan',
    'plan.current': 'Plan',
    'plan.new': 'New draft',
    'plan.draftName': 'Draft',
    'plan.status.draft': 'draft',
    'plan.status.published': 'in force',
    'plan.status.archived': 'archived',
    'plan.layer.draft': 'Plan grids',
    'plan.layer.preview': 'Edit preview',
    'plan.layer.violations': 'Rule problems',
    'plan.layer.changed': 'Changes from the plan in force',
    'plan.tool.reshape': 'Reshape',
    'plan.tool.split': 'Split',
    'plan.tool.merge': 'Merge',
    'plan.tool.delete': 'Delete',
    'plan.tool.create': 'Fill gap',
    'plan.tool.move': 'Move buildings',
    'plan.tool.undo': 'Undo',
    'plan.tool.redo': 'Redo',
    'plan.compare': 'Compare',
    'plan.validate': 'Check rules',
    'plan.publish': 'Publish',
    'plan.kml': 'Export KML',
    'plan.save': 'Save edit',
    'plan.saveAnyway': 'Save and flag',
    'plan.cancel': 'Cancel',
    'plan.exportCsv': 'Export CSV',
    'plan.opened': '{name}: version {version}, {grids} grids',
    'plan.selected': 'Selected grid {code}',
    'plan.selectFirst': 'Select a plan grid on the map first',
    'plan.reshapeHint': 'Drag the boundary vertices; the impact shows on release',
    'plan.splitHint': 'Draw a line across the grid (double-click to finish)',
    'plan.mergeHint': 'Click the neighbouring grid to merge in',
    'plan.deleteHint': 'Click the neighbouring grid that takes over the area',
    'plan.createHint': 'Draw a polygon over the gap (click the first point to finish)',
    'plan.pickBuildingsHint': 'Draw a rectangle round the buildings to move',
    'plan.moveHint': '{n} buildings picked: click the target grid',
    'plan.noBuildings': 'No building in the rectangle',
    'plan.computing': 'Computing the impact…',
    'plan.previewOk': 'Impact computed ({ms} ms), rules kept; save to confirm',
    'plan.previewBroken': 'This edit breaks {n} rule(s), marked on the map',
    'plan.saved': 'Saved, version {version}',
    'plan.undone': 'Undone, version {version}',
    'plan.redone': 'Redone, version {version}',
    'plan.conflict': 'Someone saved edits meanwhile (version {v}): reload and edit again',
    'plan.compared': 'Compared with the plan in force (#{with}): {n} changed areas',
    'plan.validated': 'Rule check: {n} problem(s)',
    'plan.confirmPublish': 'Publish “{name}”?\n{grids} grids change, {buildings} buildings ({households} households) change grid. The plan in force will be archived.',
    'plan.published': 'Published: {renumbered} new grid codes, {review} worker duties to review',
    'plan.moves': '{n} buildings change grid, {households} households',
    'plan.col.grid': 'Grid',
    'plan.col.households': 'Households before→after',
    'plan.col.perWorker': 'Per full-time worker',
    'plan.col.band': 'Norm',
    'plan.band.below': 'below',
    'plan.band.within': 'within',
    'plan.band.above': 'above',
    'plan.band.removed': 'removed',
    'plan.band.leaves': 'leaves the band',
    'plan.band.enters': 'enters the band',
    'plan.rule.gap': 'Gap',
    'plan.rule.overlap': 'Overlap',
    'plan.rule.outside_community': 'Outside the community',
    'plan.rule.building_split': 'Building split',
    'plan.rule.empty': 'Empty grid',
    'plan.rule.invalid': 'Invalid polygon',
    'note.supervisor': 'Incident heat maps, hot spots, the response / resolution / satisfaction rates and the 721 tier mix come in a later version; this page shows the grids of the street.',
    'note.chief': 'Coverage and workload (households per worker against the norm, gaps and overlaps, grids without a worker) come in a later version; this page shows the grids of the community.',
    'error.request': 'Request failed',
    'error.network': 'Cannot reach the server',
  },
};

const listeners = [];

function storedLanguage() {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

let current = dictionaries[storedLanguage()] ? storedLanguage() : 'zh-CN';

/** The current language: 'zh-CN' or 'en'. */
export function language() {
  return current;
}

/** The text of a key in the current language, with {name} placeholders filled from params. */
export function t(key, params = {}) {
  const text = dictionaries[current][key] ?? dictionaries['zh-CN'][key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

/** The text of a key in Chinese whatever the interface language (CSV headers for Chinese offices). */
export function tZh(key) {
  return dictionaries['zh-CN'][key] ?? key;
}

/** A number formatted for the current language (thousands separators). */
export function formatNumber(value, fractionDigits = 0) {
  if (value === null || value === undefined || Number.isNaN(Number(value))) return '';
  return Number(value).toLocaleString(current, { maximumFractionDigits: fractionDigits });
}

/** Fills every element under root that carries data-i18n attributes. */
export function applyI18n(root = document) {
  document.documentElement.lang = current;
  root.querySelectorAll('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n);
  });
  for (const attr of ['title', 'placeholder', 'aria-label']) {
    root.querySelectorAll(`[data-i18n-${attr}]`).forEach((el) => {
      el.setAttribute(attr, t(el.getAttribute(`data-i18n-${attr}`)));
    });
  }
}

/** Switches the language, remembers it, refills the page and tells the listeners. */
export function setLanguage(lang) {
  if (!dictionaries[lang] || lang === current) return;
  current = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
  applyI18n();
  listeners.forEach((fn) => fn(lang));
}

/** Calls fn(lang) after every language switch (for text built in code: legend, tables, layer names). */
export function onLanguageChange(fn) {
  listeners.push(fn);
}

/** A language switch (中文 / English) as a small group of buttons. */
export function languageSwitch() {
  const group = document.createElement('div');
  group.className = 'ga-lang';
  group.setAttribute('role', 'group');
  group.dataset.i18nAriaLabel = 'header.language';
  for (const [lang, key] of [['zh-CN', 'lang.zh'], ['en', 'lang.en']]) {
    const button = document.createElement('button');
    button.type = 'button';
    button.id = lang === 'en' ? 'lang-en' : 'lang-zh';
    button.dataset.lang = lang;
    button.textContent = t(key);
    button.addEventListener('click', () => setLanguage(lang));
    group.append(button);
  }
  const mark = () =>
    group.querySelectorAll('button').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.lang === current)));
  mark();
  onLanguageChange(mark);
  return group;
}
