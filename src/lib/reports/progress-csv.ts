// The team's progress as CSV a municipality can file: Dutch column names, semicolons (what Dutch
// Excel expects), a byte-order mark so accents survive, and no cell that a spreadsheet would run
// as a formula.
import Papa from 'papaparse';

const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralises spreadsheet formula injection (OWASP): a leading quote makes it plain text. */
export function safeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function toCsv(header: string[], rows: (string | number)[][]): string {
  const data = rows.map((row) => row.map((cell) => (typeof cell === 'number' ? String(cell) : safeCell(cell))));
  return `\uFEFF${Papa.unparse({ fields: header.map(safeCell), data }, { delimiter: ';', newline: '\r\n', quotes: true })}\r\n`;
}
