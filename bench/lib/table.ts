// The one table `npm run bench` prints: a figure, its baseline from the same
// run, their ratio, and the target it is held to.
import { spread, num, type Summary } from './stats.js';

export interface Row {
  section: string;
  measure: string;
  figure: Summary;
  unit: string;
  baselineName: string;
  baseline?: Summary;
  baselineUnit?: string;
  /** Said after the baseline, e.g. a second floor. */
  baselineExtra?: string;
  ratio?: number;
  /** e.g. `≤ 1.2`; empty when the row is informational. */
  target?: string;
  met?: boolean;
  note?: string;
}

export function ratioCell(row: Row): string {
  if (row.ratio === undefined || !Number.isFinite(row.ratio)) return '–';
  return num(row.ratio);
}

function verdict(row: Row): string {
  if (!row.target) return '';
  return row.met === undefined ? row.target : `${row.target} ${row.met ? 'met' : 'NOT met'}`;
}

/** A Markdown table (it reads well in a terminal too). */
export function renderTable(rows: readonly Row[]): string {
  const header = ['#', 'measure', 'median [min–max]', 'baseline (same run)', 'ratio', 'target'];
  const body = rows.map((r) => [
    r.section,
    r.measure,
    spread(r.figure, r.unit),
    (r.baseline ? `${r.baselineName}: ${spread(r.baseline, r.baselineUnit ?? r.unit)}` : r.baselineName) + (r.baselineExtra ? `; ${r.baselineExtra}` : ''),
    ratioCell(r),
    verdict(r),
  ]);
  const lines = [header, ...body].map((cells) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`);
  lines.splice(1, 0, `|${header.map(() => '---').join('|')}|`);
  const notes = rows.filter((r) => r.note).map((r) => `- ${r.section} ${r.measure}: ${r.note}`);
  return lines.join('\n') + (notes.length > 0 ? `\n\nNotes:\n${notes.join('\n')}` : '');
}
