// What the commands print on stdout: `-f yaml` (the default, as in the
// reference client) and `-f json` are the document and nothing else; `-f
// simple` gives the reference client's readable lines for lists and jobs.
import { stringify } from 'yaml';
import { paintStatus, type Style } from './style.js';

export const FORMATS = ['simple', 'json', 'yaml'] as const;
export type Format = (typeof FORMATS)[number];

export type DocumentKind = 'processList' | 'process' | 'jobList' | 'job' | 'results' | 'request' | 'validRequest' | 'files' | 'other';

export function render(doc: unknown, format: Format, kind: DocumentKind, style: Style): string {
  if (format === 'json') return `${JSON.stringify(doc, null, 2)}\n`;
  if (format === 'simple') {
    const lines = simpleLines(doc, kind, style);
    if (lines !== undefined) return `${lines.join('\n')}\n`;
  }
  return yamlOf(doc);
}

export function yamlOf(doc: unknown): string {
  return stringify(doc, { lineWidth: 0 });
}

type Rec = Record<string, unknown>;

const shown = (value: unknown): string => (value === undefined || value === null || value === '' ? '-' : String(value));

function simpleLines(doc: unknown, kind: DocumentKind, style: Style): string[] | undefined {
  const record = (typeof doc === 'object' && doc !== null ? doc : {}) as Rec;
  switch (kind) {
    case 'processList': {
      const processes = (record.processes as Rec[] | undefined) ?? [];
      if (processes.length === 0) return ['No processes available.'];
      return processes.map((p, i) => `${i + 1}: ${style.bold(String(p.id))} - ${shown(typeof p.title === 'string' ? p.title : undefined)}`);
    }
    case 'jobList': {
      const jobs = (record.jobs as Rec[] | undefined) ?? [];
      if (jobs.length === 0) return ['No jobs available.'];
      return jobs.map((j, i) => `${i + 1}: ${j.jobID} - ${paintStatus(style, String(j.status))} - ${shown(j.progress)} - ${shown(j.message)}`);
    }
    case 'job':
      return [
        `Job ID:      ${shown(record.jobID)}`,
        `Process ID:  ${shown(record.processID)}`,
        `Status:      ${paintStatus(style, shown(record.status))}`,
        `Progress:    ${shown(record.progress)}`,
        `Message:     ${shown(record.message)}`,
        `Created at:  ${shown(record.created)}`,
        `Started at:  ${shown(record.started)}`,
        `Updated at:  ${shown(record.updated)}`,
        `Ended at:    ${shown(record.finished)}`,
      ];
    case 'validRequest':
      return [`Execution request is valid:`, yamlOf(doc).trimEnd()];
    case 'files': {
      const files = (record.files as Rec[] | undefined) ?? [];
      if (files.length === 0) return ['The job has no outputs.'];
      return files.map((f) => `${f.output}: ${f.path} (${f.mediaType ?? 'unknown type'}, ${f.bytes} bytes)`);
    }
    default:
      return undefined;
  }
}
