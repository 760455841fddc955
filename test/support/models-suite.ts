// What the tolerant zod models must do with every document of a folder laid out
// as in document-tree.ts (the shared corpus, or the project's dialect fixtures):
// each parses with the model of its kind, or is rejected with a clear error.
import path from 'node:path';
import { expect, it } from 'vitest';
import {
  ExceptionSchema,
  ProcessDescriptionSchema,
  StatusInfoSchema,
  dismissalToStatusInfo,
  documentSchemas,
  type DocumentKind,
} from '../../src/ogc/models.js';
import { readJson, type DescriptionEntry } from './document-tree.js';

/** Which model a document belongs to, decided by its file name (what it is). */
export function expectedKind(name: string): DocumentKind | 'dismissal' | 'exception-list' {
  const file = path.basename(name, '.json');
  if (file === 'conformance') return 'conformance';
  if (file === 'landing-page') return 'landingPage';
  if (file.startsWith('processes') || file.endsWith('process_listing') || file === 'providers_processes_details') return 'processList';
  if (file.startsWith('jobs')) return 'jobList';
  if (file.startsWith('job-') || file.startsWith('job_status')) return 'statusInfo';
  if (file.startsWith('results') || file.startsWith('job_results') || file === 'job_outputs') return 'results';
  if (file === 'job_inputs') return 'execute';
  if (file === 'job_dismissed_success') return 'dismissal';
  if (file === 'job_exceptions') return 'exception-list';
  if (file.endsWith('not_found') || file === 'job_dismissed_error') return 'exception';
  throw new Error(`no expected model for document ${name}: add it to expectedKind`);
}

export function itParsesEveryDocument(root: string, files: string[]): void {
  it.each(files)('%s parses with its model', (name) => {
    const doc = readJson(path.join(root, name));
    const kind = expectedKind(name);
    if (kind === 'dismissal') {
      // Weaver answers DELETE with {code: JobDismissed, value: <job id>, ...}: not a statusInfo, but a readable dismissal.
      const { value: jobId, description } = doc as { value: string; description: string };
      const rejected = StatusInfoSchema.safeParse(doc);
      expect(rejected.success).toBe(false);
      expect(rejected.error?.issues[0]?.path).toEqual(['jobID']);
      const job = dismissalToStatusInfo(doc, jobId);
      expect(job?.status).toBe('dismissed');
      expect(job?.jobID).toBe(jobId);
      expect(job?.message).toBe(description);
      return;
    }
    if (kind === 'exception-list') {
      // Weaver's /exceptions listing is a JSON array, not an RFC 7807 document.
      const rejected = ExceptionSchema.safeParse(doc);
      expect(rejected.success).toBe(false);
      expect(rejected.error?.issues[0]?.message).toMatch(/expected object, received array/);
      return;
    }
    const result = documentSchemas[kind].safeParse(doc);
    if (!result.success) throw new Error(`${name} does not parse as ${kind}: ${JSON.stringify(result.error.issues)}`);
    expect(result.success).toBe(true);
  });
}

export function itParsesEveryDescription(entries: DescriptionEntry[]): void {
  it.each(entries.map((e) => [e.file, e.raw] as const))('%s parses, with an id and its inputs and outputs as lists', (_file, raw) => {
    const description = ProcessDescriptionSchema.parse(raw);
    expect(typeof description.id).toBe('string');
    expect(description.id.length).toBeGreaterThan(0);
    expect(Array.isArray(description.inputs)).toBe(true);
    expect(Array.isArray(description.outputs)).toBe(true);
    expect(description.document).toBe(raw);
  });
}
