// Requests sent straight to the OGC server with undici: the floor every
// bridge figure is compared with. Responses are read whole and parsed, as any
// real client would.
import { Agent } from 'undici';

export interface DirectClient {
  /** POST /processes/{id}/execution without Prefer (or with `prefer`): the server answers with the results. */
  executeSync(processId: string, inputs: Record<string, unknown>, prefer?: string): Promise<unknown>;
  /** POST with Prefer: respond-async, then GET the job until it is over (no pause), then GET its results. */
  executeAsync(processId: string, inputs: Record<string, unknown>): Promise<unknown>;
  getJson(path: string): Promise<unknown>;
  close(): Promise<void>;
}

export function directClient(baseUrl: string, connections?: number): DirectClient {
  const url = new URL(baseUrl);
  const origin = url.origin;
  const prefix = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  const agent = new Agent({ keepAliveTimeout: 30_000, ...(connections ? { connections } : {}) });

  async function send(method: 'GET' | 'POST', path: string, body?: string, prefer?: string) {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (prefer) headers.prefer = prefer;
    const response = await agent.request({ origin, path, method, headers, body: body ?? null });
    const text = await response.body.text();
    if (response.statusCode >= 400) throw new Error(`${method} ${path}: HTTP ${response.statusCode}: ${text.slice(0, 200)}`);
    return { status: response.statusCode, doc: JSON.parse(text) as unknown };
  }

  const executionPath = (processId: string) => `${prefix}processes/${encodeURIComponent(processId)}/execution`;

  return {
    async executeSync(processId, inputs, prefer) {
      return (await send('POST', executionPath(processId), JSON.stringify({ inputs }), prefer)).doc;
    },
    async executeAsync(processId, inputs) {
      const started = await send('POST', executionPath(processId), JSON.stringify({ inputs }), 'respond-async');
      let job = started.doc as { jobID: string; status: string };
      if (started.status !== 201) throw new Error(`expected 201, got ${started.status}`);
      const jobPath = `${prefix}jobs/${encodeURIComponent(job.jobID)}`;
      do {
        job = (await send('GET', jobPath)).doc as typeof job;
      } while (job.status === 'accepted' || job.status === 'running');
      if (job.status !== 'successful') throw new Error(`job ${job.jobID} ended ${job.status}`);
      return (await send('GET', `${jobPath}/results`)).doc;
    },
    async getJson(path) {
      return (await send('GET', `${prefix}${path}`)).doc;
    },
    close: () => agent.close(),
  };
}
