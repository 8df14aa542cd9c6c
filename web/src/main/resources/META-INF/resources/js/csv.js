import { postJSONForBlob } from './api.js';

// CSV for the export buttons of every page: UTF-8 with a BOM (Excel on Chinese Windows reads it as UTF-8),
// CRLF lines, and text cells that start like a formula defused (spreadsheet programs would run them).

/** One CSV cell; arrays are joined with spaces. */
export function csvCell(value, numeric = false) {
  let text = value === null || value === undefined ? '' : Array.isArray(value) ? value.join(' ') : String(value);
  if (!numeric && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Lets the browser save the text as a .csv file with the given name. */
export function downloadCsv(fileName, text) {
  save(fileName, new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }));
}

/** Lets the browser save a Blob as a file with the given name. */
export function save(fileName, blob) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

/**
 * The same table as an .xlsx workbook, written by the server (POST /api/export/xlsx, Apache POI): headers and
 * cells as shown, numbers kept numeric. fileName without extension; sheet at most 31 characters.
 */
export async function downloadXlsx(fileName, sheet, headers, rows) {
  const cells = rows.map((row) => row.map((v) => (v === undefined ? null : Array.isArray(v) ? v.join(' ') : v)));
  const blob = await postJSONForBlob('api/export/xlsx', { fileName, sheet: sheet.slice(0, 31), headers, rows: cells });
  save(`${fileName}.xlsx`, blob);
}
