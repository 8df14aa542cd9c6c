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
    'layer.incidentTiles': '事件分布（矢量瓦片）',
    'legend.incidentTiles': '事件（圆越大件数越多）',
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
    'note.planner': '边界方案编辑（草案、拓扑检查、调整影响、发布与历史）和自动均衡方案将在后续版本加入；本页目前显示已发布方案的网格。',
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
    'layer.incidentTiles': 'Incidents (vector tiles)',
    'legend.incidentTiles': 'Incidents (larger circle = more)',
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
    'note.planner': 'Boundary plan editing (drafts, topology checks, impact of each edit, publish with history) and balanced proposals come in a later version; this page shows the grids of the published plan.',
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
