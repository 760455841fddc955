// The page's calls to its own server (never to the OGC server: credentials stay there).
import type { FormModel } from './form-types.js';

export class ApiError extends Error {
  constructor(message: string, readonly status: number, readonly problems: string[] = []) {
    super(message);
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const data = (await response.json().catch(() => ({}))) as { error?: string; problems?: string[] };
  if (!response.ok) throw new ApiError(data.error ?? `${method} ${path} failed with ${response.status}`, response.status, data.problems ?? []);
  return data as T;
}

export interface Info {
  server: string;
  title?: string;
  version: string;
  tileUrl?: string;
}
export interface ProcessItem {
  id: string;
  title: string;
  description?: string;
  unavailable?: string;
}
export interface Job {
  jobID: string;
  processID?: string;
  status: string;
  progress?: number;
  message?: string;
  created?: string;
  finished?: string;
}
export interface RequestPreview {
  valid: boolean;
  problems: string[];
  request: { process_id: string; inputs: Record<string, unknown> };
}
export interface Execution {
  job: Job;
  mode: 'sync' | 'async';
  results?: Record<string, unknown>;
}
export interface JobResults {
  job: Job;
  results: Record<string, unknown>;
  outputs: Record<string, { title?: string; description?: string }>;
}

const enc = encodeURIComponent;
export const api = {
  info: () => call<Info>('GET', '/api/info'),
  processes: () => call<{ processes: ProcessItem[]; error?: string }>('GET', '/api/processes'),
  process: (id: string) => call<FormModel>('GET', `/api/processes/${enc(id)}`),
  preview: (id: string, args: Record<string, unknown>) => call<RequestPreview>('POST', `/api/processes/${enc(id)}/request`, { arguments: args }),
  execute: (id: string, args: Record<string, unknown>) => call<Execution>('POST', `/api/processes/${enc(id)}/execution`, { arguments: args }),
  jobs: () => call<{ jobs: Job[] }>('GET', '/api/jobs'),
  dismiss: (id: string) => call<Job>('DELETE', `/api/jobs/${enc(id)}`),
  results: (id: string) => call<JobResults>('GET', `/api/jobs/${enc(id)}/results`),
  linkData: (href: string) => `/api/link?href=${enc(href)}`,
};
