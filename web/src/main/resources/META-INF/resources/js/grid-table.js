// The side-panel table of the grids of the user's scope, shared by the three role pages: sortable by header,
// a row click finds the grid on the map, a grid click on the map highlights its row, and the whole table
// (every figure shown, with its total) downloads as UTF-8 CSV with BOM and Chinese headers.
import { csvCell, downloadCsv, downloadXlsx } from './csv.js';
import { formatNumber, language, onLanguageChange, t, tZh } from './i18n.js';

// Every column is exported; on screen code and name share the first cell (a 15-digit code and a name do not
// fit side by side in the 360 px panel), each still sortable by its own header button.
const COLUMNS = [
  { key: 'code', label: 'field.code' },
  { key: 'name', label: 'field.name' },
  { key: 'community_name', label: 'field.community' },
  { key: 'buildings', label: 'field.buildings', short: 'col.buildings', numeric: true },
  { key: 'households', label: 'field.households', short: 'col.households', numeric: true },
  { key: 'residents', label: 'field.residents', short: 'col.residents', numeric: true },
];
const NUMERIC = COLUMNS.filter((c) => c.numeric);
const column = (key) => COLUMNS.find((c) => c.key === key);

function sum(rows, key) {
  return rows.reduce((total, r) => total + (Number(r[key]) || 0), 0);
}

function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The grids table in a container element; grids is the grid overlay of layers.js. */
export class GridTable {
  constructor(container, grids, scopeName) {
    this.container = container;
    this.grids = grids;
    this.scopeName = scopeName;
    this.rows = grids.features.map((f) => ({
      ...f.properties,
      community_name: f.properties.community_name ?? f.properties.community_code,
    }));
    this.sortKey = 'code';
    this.ascending = true;
    this.selected = null;
    grids.onSelect((code) => this.highlight(code));
    onLanguageChange(() => this.render());
    this.render();
  }

  sorted() {
    const { key, numeric } = column(this.sortKey);
    const collator = new Intl.Collator(language());
    const compare = numeric
      ? (a, b) => (Number(a[key]) || 0) - (Number(b[key]) || 0)
      : (a, b) => collator.compare(String(a[key] ?? ''), String(b[key] ?? ''));
    const rows = [...this.rows].sort(compare);
    return this.ascending ? rows : rows.reverse();
  }

  sortBy(key) {
    this.ascending = this.sortKey === key ? !this.ascending : true;
    this.sortKey = key;
    this.render();
  }

  render() {
    const summary = document.createElement('p');
    summary.className = 'ga-summary';
    summary.id = 'ga-summary';
    summary.textContent = t('panel.summary', {
      grids: formatNumber(this.rows.length),
      buildings: formatNumber(sum(this.rows, 'buildings')),
      households: formatNumber(sum(this.rows, 'households')),
      residents: formatNumber(sum(this.rows, 'residents')),
    });
    const exportButton = document.createElement('button');
    exportButton.type = 'button';
    exportButton.id = 'export-csv';
    exportButton.className = 'ga-button';
    exportButton.textContent = t('export.csv');
    exportButton.disabled = this.rows.length === 0;
    exportButton.addEventListener('click', () => this.download());
    const xlsxButton = document.createElement('button');
    xlsxButton.type = 'button';
    xlsxButton.id = 'export-xlsx';
    xlsxButton.className = 'ga-button';
    xlsxButton.textContent = t('export.xlsx');
    xlsxButton.disabled = this.rows.length === 0;
    xlsxButton.addEventListener('click', () => this.downloadXlsx());
    const toolbar = document.createElement('div');
    toolbar.className = 'ga-toolbar';
    toolbar.append(summary, exportButton, xlsxButton);

    const wrap = document.createElement('div');
    wrap.className = 'ga-table-wrap';
    wrap.append(this.rows.length ? this.table() : this.empty());
    this.container.replaceChildren(toolbar, wrap);
    if (this.selected) this.highlight(this.selected, false);
  }

  empty() {
    const p = document.createElement('p');
    p.className = 'ga-empty';
    p.textContent = t('panel.empty');
    return p;
  }

  table() {
    const table = document.createElement('table');
    table.id = 'ga-grid-table';
    table.className = 'ga-table';
    const cols = document.createElement('colgroup');
    for (const name of ['grid', 'community', 'buildings', 'households', 'residents']) {
      cols.append(Object.assign(document.createElement('col'), { className: `ga-col-${name}` }));
    }
    table.append(cols, this.head(), this.body(), this.foot());
    return table;
  }

  sortButton(key) {
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.key = key;
    const { label, short } = column(key);
    button.textContent = t(short ?? label);
    button.title = t(label);
    if (key === this.sortKey) {
      const mark = document.createElement('span');
      mark.className = 'ga-sort';
      mark.textContent = this.ascending ? '▲' : '▼';
      button.append(mark);
    }
    button.addEventListener('click', () => this.sortBy(key));
    return button;
  }

  headCell(keys, className) {
    const th = document.createElement('th');
    th.scope = 'col';
    if (className) th.className = className;
    if (keys.includes(this.sortKey)) th.setAttribute('aria-sort', this.ascending ? 'ascending' : 'descending');
    keys.forEach((key, i) => {
      if (i > 0) th.append(Object.assign(document.createElement('span'), { className: 'ga-th-sep', textContent: '/' }));
      th.append(this.sortButton(key));
    });
    return th;
  }

  head() {
    const tr = document.createElement('tr');
    tr.append(this.headCell(['name', 'code'], 'ga-th-grid'), this.headCell(['community_name']));
    NUMERIC.forEach((c) => tr.append(this.headCell([c.key], 'num')));
    const thead = document.createElement('thead');
    thead.append(tr);
    return thead;
  }

  cell(text, className) {
    const td = document.createElement('td');
    if (className) td.className = className;
    td.textContent = text;
    return td;
  }

  body() {
    const tbody = document.createElement('tbody');
    for (const r of this.sorted()) {
      const tr = document.createElement('tr');
      tr.dataset.code = r.code;
      tr.tabIndex = 0;
      const grid = this.cell('', 'ga-td-grid');
      grid.append(
        Object.assign(document.createElement('span'), { className: 'ga-td-name', textContent: r.name ?? '' }),
        Object.assign(document.createElement('span'), { className: 'ga-td-code', textContent: r.code }),
      );
      tr.append(grid, this.cell(r.community_name ?? ''));
      NUMERIC.forEach((c) => tr.append(this.cell(formatNumber(r[c.key]), 'num')));
      const go = () => this.grids.select(r.code, { zoom: true });
      tr.addEventListener('click', go);
      tr.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          go();
        }
      });
      tbody.append(tr);
    }
    return tbody;
  }

  foot() {
    const tr = document.createElement('tr');
    const label = document.createElement('th');
    label.scope = 'row';
    label.colSpan = 2;
    label.textContent = t('table.total');
    tr.append(label);
    NUMERIC.forEach((c) => tr.append(this.cell(formatNumber(sum(this.rows, c.key)), 'num')));
    const tfoot = document.createElement('tfoot');
    tfoot.append(tr);
    return tfoot;
  }

  /** Marks the row of a grid as selected and scrolls it into view. */
  highlight(code, scroll = true) {
    this.selected = code;
    this.container.querySelectorAll('tbody tr').forEach((tr) => {
      const on = tr.dataset.code === code;
      tr.classList.toggle('selected', on);
      tr.setAttribute('aria-selected', String(on));
      if (on && scroll) tr.scrollIntoView({ block: 'nearest' });
    });
  }

  /** The cells of the export: rows in the order shown, then the total row. */
  exportRows() {
    const rows = this.sorted().map((r) => COLUMNS.map((c) => r[c.key] ?? null));
    rows.push(COLUMNS.map((c, i) => (c.numeric ? sum(this.rows, c.key) : i === 0 ? tZh('table.total') : '')));
    return rows;
  }

  /** The table as CSV text: Chinese headers, plain numbers, rows in the order shown, then the total. */
  csv() {
    const lines = [COLUMNS.map((c) => csvCell(tZh(c.label))).join(',')];
    this.exportRows().forEach((row) => lines.push(row.map((v, i) => csvCell(v, COLUMNS[i].numeric)).join(',')));
    return `${lines.join('\r\n')}\r\n`;
  }

  fileName() {
    return `${tZh('export.fileName')}_${this.scopeName ?? ''}_${today()}`;
  }

  download() {
    downloadCsv(`${this.fileName()}.csv`, this.csv());
  }

  /** The same table as .xlsx (numbers stay numbers). */
  downloadXlsx() {
    return downloadXlsx(this.fileName(), tZh('export.fileName'), COLUMNS.map((c) => tZh(c.label)), this.exportRows());
  }
}
