/**
 * @module toCsv — a table as CSV for Excel (RFC 4180: CRLF lines, fields with commas, quotes or line breaks
 * quoted, quotes doubled), with a UTF-8 byte order mark so Excel shows Vietnamese. Text cells that a spreadsheet
 * would run as a formula (`=`, `+`, `-`, `@`, tab, CR) get a leading apostrophe (OWASP "CSV injection").
 */

export interface CsvColumn<T> {
  header: string;
  value(row: T): string | number | boolean | null | undefined;
}

const BOM = '\uFEFF';

export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: Iterable<T>): string {
  const lines = [columns.map((column) => cell(column.header)).join(',')];
  for (const row of rows) lines.push(columns.map((column) => cell(column.value(row))).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

function cell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
