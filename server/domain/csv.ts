// Cells of a CSV a merchant opens in a spreadsheet: text that a spreadsheet would run as a formula (it starts
// with =, +, -, @, a tab or a carriage return) is prefixed with an apostrophe, so it shows as the text it is.
const FORMULA_START = /^[=+\-@\t\r]/;

export function spreadsheetSafe(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}
