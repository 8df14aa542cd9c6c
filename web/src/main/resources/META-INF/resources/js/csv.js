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
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }));
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
