/** The benchmark's printed table: each figure beside its budget, with ✓ or ✗ (or · for none). */

export interface Row {
  section: string;
  measure: string;
  /** Printed figure, e.g. "1.02" or "8.1 ms". */
  figure: string;
  budget: string;
  /** Null: no budget, the figure is for information. */
  pass: boolean | null;
}

export function printTable(rows: Row[]): string {
  const headers = ['Area', 'Measure', 'Figure', 'Budget', ''];
  const cells = rows.map((row) => [
    row.section,
    row.measure,
    row.figure,
    row.budget,
    row.pass === null ? '·' : row.pass ? '✓' : '✗',
  ]);
  const widths = headers.map((header, i) =>
    Math.max(header.length, ...cells.map((line) => line[i].length)),
  );
  const line = (values: string[]) =>
    `| ${values.map((value, i) => (i === 2 ? value.padStart(widths[i]) : value.padEnd(widths[i]))).join(' | ')} |`;
  return [
    line(headers),
    `| ${widths.map((w, i) => (i === 2 ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`,
    ...cells.map(line),
  ].join('\n');
}

export const ms = (value: number | null | undefined, digits = 1): string =>
  value === null || value === undefined || !Number.isFinite(value)
    ? 'n/a'
    : `${value.toFixed(digits)} ms`;

export const ratio = (value: number): string => (Number.isFinite(value) ? value.toFixed(3) : 'n/a');
