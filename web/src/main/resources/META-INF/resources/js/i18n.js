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
    'cov.title': '覆盖与工作量',
    'cov.layer': '覆盖（每名专职网格员户数）',
    'cov.legendPerWorker': '每名专职网格员户数',
    'cov.faults': '覆盖问题',
    'cov.faultsTitle': '覆盖问题',
    'cov.gridsTitle': '各网格覆盖',
    'cov.workersTitle': '专职网格员工作量排名',
    'cov.householdsStatus': '户数标准',
    'cov.residentsStatus': '人口标准',
    'cov.splitBuildings': '跨界楼栋数',
    'cov.floorsWithoutLift': '无电梯楼层数',
    'cov.fullTime': '专职网格员',
    'cov.instructors': '网格指导员',
    'cov.partTime': '兼职网格员',
    'cov.leaders': '楼长',
    'cov.partyMembers': '党员',
    'cov.volunteers': '志愿者',
    'cov.mobile': '流动网格员',
    'cov.paired': '党员联户数',
    'cov.pairingTarget': '联户目标',
    'cov.perWorker': '人均户数',
    'cov.workerStatus': '人均户数标准',
    'cov.incidents': '事件数',
    'cov.incidentsPerMonth': '月均事件数',
    'cov.rank': '排名',
    'cov.workerName': '姓名',
    'cov.grids': '负责网格',
    'cov.grid': '网格',
    'cov.index': '工作量指数',
    'cov.outlier': '超负荷',
    'cov.faultKind': '问题类型',
    'cov.shares': '占比',
    'cov.buildingGrid': '楼栋所在网格',
    'cov.detail': '详情',
    'cov.exportGrids': '导出网格 CSV',
    'cov.exportWorkers': '导出工作量 CSV',
    'cov.exportFaults': '导出问题 CSV',
    'cov.fileGrids': '网格覆盖',
    'cov.fileWorkers': '网格员工作量',
    'cov.fileFaults': '覆盖问题',
    'cov.print': '打印报告',
    'cov.status.below': '低于标准',
    'cov.status.within': '符合标准',
    'cov.status.above': '高于标准',
    'cov.status.unstaffed': '无专职网格员',
    'cov.fault.gap': '未覆盖区域',
    'cov.fault.overlap': '网格重叠',
    'cov.fault.outside_community': '超出社区',
    'cov.fault.split_building': '跨网格楼栋',
    'cov.fault.building_outside': '网格外楼栋',
    'cov.fault.leader_outside_grid': '楼长不在所属网格',
    'cov.fault.unstaffed_grid': '无专职网格员的网格',
    'cov.fault.worker_without_grid': '无网格的网格员',
    // incident desk (issue 6)
    'page.incidents': '事件受理 · 网格图谱 GridAtlas',
    'incident.desk': '事件受理（导入、待定位、列表）',
    'incident.import': '导入事件文件', 'incident.encoding': '编码', 'incident.auto': '自动识别', 'incident.datum': '坐标系',
    'incident.skipBad': '跳过错误行', 'incident.preview': '预览映射', 'incident.run': '导入',
    'incident.previewOf': '格式 {format}，编码 {encoding}；字段映射与前几行：', 'incident.field': '字段', 'incident.column': '文件列',
    'incident.progress': '已处理 {done} / {total} 行，{rate} 行/秒，预计剩余 {eta} 秒',
    'incident.job.succeeded': '导入完成', 'incident.job.failed': '文件被拒绝，未保存任何数据', 'incident.job.running': '导入中',
    'incident.n.read': '读取', 'incident.n.inserted': '新增', 'incident.n.updated': '更新', 'incident.n.rejected': '拒绝',
    'incident.n.unmatched': '未定位', 'incident.rejects': '下载拒绝行报告（CSV）',
    'incident.list': '事件列表', 'incident.from': '上报起', 'incident.to': '上报止', 'incident.category': '类别代码',
    'incident.anySource': '全部来源', 'incident.anyStatus': '全部状态', 'incident.grid': '网格', 'incident.anyQuality': '全部定位',
    'incident.queue': '待人工定位', 'incident.filter': '查询', 'incident.export': '导出 CSV',
    'incident.count': '显示 {shown} 条，共 {matched} 条', 'incident.id': '编号', 'incident.reportedAt': '上报时间',
    'incident.categoryName': '类别', 'incident.status': '状态', 'incident.quality': '定位',
    'incident.place': '地图定位', 'incident.clickMap': '请在地图上点击 {id} 的位置', 'incident.placed': '{id} 已定位，网格 {grid}',
    'incident.layer': '事件（按状态）',
    'incident.s.reported': '已上报', 'incident.s.accepted': '已受理', 'incident.s.dispatched': '已派遣',
    'incident.s.resolved': '已办结', 'incident.s.closed': '已结案',
    'incident.q.coordinates': '坐标', 'incident.q.exact': '地址精确', 'incident.q.fuzzy': '地址模糊', 'incident.q.manual': '人工',
    'incident.q.unmatched': '未定位',
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
    'cov.title': 'Coverage and workload',
    'cov.layer': 'Coverage (households per full-time worker)',
    'cov.legendPerWorker': 'Households per full-time worker',
    'cov.faults': 'Coverage faults',
    'cov.faultsTitle': 'Coverage faults',
    'cov.gridsTitle': 'Coverage per grid',
    'cov.workersTitle': 'Workload ranking of full-time workers',
    'cov.householdsStatus': 'Households vs norm',
    'cov.residentsStatus': 'Residents vs norm',
    'cov.splitBuildings': 'Split buildings',
    'cov.floorsWithoutLift': 'Storeys without lift',
    'cov.fullTime': 'Full-time workers',
    'cov.instructors': 'Instructors',
    'cov.partTime': 'Part-time workers',
    'cov.leaders': 'Building leaders',
    'cov.partyMembers': 'Party members',
    'cov.volunteers': 'Volunteers',
    'cov.mobile': 'Mobile workers',
    'cov.paired': 'Households paired',
    'cov.pairingTarget': 'Pairing target',
    'cov.perWorker': 'Households per worker',
    'cov.workerStatus': 'Per worker vs norm',
    'cov.incidents': 'Incidents',
    'cov.incidentsPerMonth': 'Incidents per month',
    'cov.rank': 'Rank',
    'cov.workerName': 'Name',
    'cov.grids': 'Grids',
    'cov.grid': 'Grid',
    'cov.index': 'Workload index',
    'cov.outlier': 'Overloaded',
    'cov.faultKind': 'Fault',
    'cov.shares': 'Shares',
    'cov.buildingGrid': 'Building lies in',
    'cov.detail': 'Detail',
    'cov.exportGrids': 'Export grids CSV',
    'cov.exportWorkers': 'Export workload CSV',
    'cov.exportFaults': 'Export faults CSV',
    'cov.fileGrids': 'grid coverage',
    'cov.fileWorkers': 'workload',
    'cov.fileFaults': 'coverage faults',
    'cov.print': 'Print report',
    'cov.status.below': 'below',
    'cov.status.within': 'within',
    'cov.status.above': 'above',
    'cov.status.unstaffed': 'no full-time worker',
    'cov.fault.gap': 'Gap (no grid)',
    'cov.fault.overlap': 'Overlapping grids',
    'cov.fault.outside_community': 'Grid outside its community',
    'cov.fault.split_building': 'Building split by a boundary',
    'cov.fault.building_outside': 'Building outside every grid',
    'cov.fault.leader_outside_grid': 'Building leader outside their grid',
    'cov.fault.unstaffed_grid': 'Grid without full-time worker',
    'cov.fault.worker_without_grid': 'Worker without a grid',
    // incident desk (issue 6)
    'page.incidents': 'Incidents · GridAtlas',
    'incident.desk': 'Incident desk (import, review queue, list)',
    'incident.import': 'Import an incident file', 'incident.encoding': 'Encoding', 'incident.auto': 'Detect', 'incident.datum': 'Datum',
    'incident.skipBad': 'Skip bad rows', 'incident.preview': 'Preview mapping', 'incident.run': 'Import',
    'incident.previewOf': 'Format {format}, encoding {encoding}; column mapping and first rows:', 'incident.field': 'Field', 'incident.column': 'Column',
    'incident.progress': '{done} / {total} rows, {rate} rows/s, about {eta} s left',
    'incident.job.succeeded': 'Import finished', 'incident.job.failed': 'File rejected, nothing stored', 'incident.job.running': 'Importing',
    'incident.n.read': 'Read', 'incident.n.inserted': 'Inserted', 'incident.n.updated': 'Updated', 'incident.n.rejected': 'Rejected',
    'incident.n.unmatched': 'Unmatched', 'incident.rejects': 'Download the reject report (CSV)',
    'incident.list': 'Incidents', 'incident.from': 'Reported from', 'incident.to': 'Reported to', 'incident.category': 'Category code',
    'incident.anySource': 'All sources', 'incident.anyStatus': 'All statuses', 'incident.grid': 'Grid', 'incident.anyQuality': 'Any placement',
    'incident.queue': 'Review queue (unmatched)', 'incident.filter': 'Search', 'incident.export': 'Export CSV',
    'incident.count': '{shown} shown of {matched}', 'incident.id': 'Id', 'incident.reportedAt': 'Reported',
    'incident.categoryName': 'Category', 'incident.status': 'Status', 'incident.quality': 'Placement',
    'incident.place': 'Place on map', 'incident.clickMap': 'Click the map where {id} happened', 'incident.placed': '{id} placed, grid {grid}',
    'incident.layer': 'Incidents (by status)',
    'incident.s.reported': 'Reported', 'incident.s.accepted': 'Accepted', 'incident.s.dispatched': 'Dispatched',
    'incident.s.resolved': 'Resolved', 'incident.s.closed': 'Closed',
    'incident.q.coordinates': 'Coordinates', 'incident.q.exact': 'Address, exact', 'incident.q.fuzzy': 'Address, fuzzy',
    'incident.q.manual': 'By hand', 'incident.q.unmatched': 'Unmatched',
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

/** Adds the texts of a page module (e.g. heatmap-i18n.js) to a language's dictionary. */
export function addMessages(lang, entries) {
  Object.assign(dictionaries[lang], entries);
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
