// The web app's JSON API. Every OGC request goes through the bridge's own
// client (credentials stay in this process, never in a page or a URL), and
// every form is the bridge's derived tool schema, validated the same way the
// MCP tools validate their arguments.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { toExecuteRequest } from '../bridge/request/index.js';
import { displayUrl } from '../util/display-url.js';
import type { CatalogEntry } from '../mcp/catalog.js';
import type { BridgeContext } from '../mcp/context.js';
import { readJsonBody } from '../mcp/transports/http-body.js';
import type { ExecuteRequest } from '../ogc/index.js';
import { PACKAGE_VERSION } from '../util/version.js';
import { formModel } from './form-model.js';
import { ApiFailure, sendError, sendJson } from './http.js';
import { JobFeed } from './job-feed.js';

export interface ApiOptions {
  /** XYZ tile URL template for a basemap; without it maps draw on a plain background. */
  tileUrl?: string;
  /** Poll interval of the live job list. */
  jobPollMs?: number;
}

const MAX_BODY_BYTES = 4 * 1024 * 1024;
// Linked result data shown in the page (GeoJSON, images): enough for a view, bounded for memory.
const MAX_LINK_BYTES = 16 * 1024 * 1024;
// A first page load waits this long for the process list, so that it is not empty.
const FIRST_LIST_WAIT_MS = 15_000;

type Handler = (req: IncomingMessage, res: ServerResponse, params: string[], url: URL) => Promise<void>;

export class AppApi {
  readonly jobs: JobFeed;
  private readonly routes: [string, RegExp, Handler][];

  constructor(private readonly ctx: BridgeContext, private readonly options: ApiOptions = {}) {
    this.jobs = new JobFeed(ctx.client, {
      ...(options.jobPollMs !== undefined ? { pollMs: options.jobPollMs } : {}),
      onError: (message) => ctx.logger.warning(`Job list: ${message}`),
    });
    this.routes = [
      ['GET', /^\/api\/info$/, (_q, s) => this.info(s)],
      ['GET', /^\/api\/processes$/, (_q, s) => this.processes(s)],
      ['GET', /^\/api\/processes\/([^/]+)$/, (_q, s, p) => this.process(s, p[0]!)],
      ['POST', /^\/api\/processes\/([^/]+)\/request$/, (q, s, p) => this.request(q, s, p[0]!)],
      ['POST', /^\/api\/processes\/([^/]+)\/execution$/, (q, s, p) => this.execute(q, s, p[0]!)],
      ['GET', /^\/api\/jobs$/, (_q, s) => this.jobList(s)],
      ['GET', /^\/api\/jobs\/events$/, async (_q, s) => this.jobs.subscribe(s)],
      ['GET', /^\/api\/jobs\/([^/]+)$/, (_q, s, p) => this.job(s, p[0]!)],
      ['DELETE', /^\/api\/jobs\/([^/]+)$/, (_q, s, p) => this.dismiss(s, p[0]!)],
      ['GET', /^\/api\/jobs\/([^/]+)\/results$/, (_q, s, p) => this.results(s, p[0]!)],
      ['GET', /^\/api\/link$/, (_q, s, _p, u) => this.link(s, u)],
    ];
  }

  /** True when the request was an API call (answered here, well or not). */
  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    if (!url.pathname.startsWith('/api/')) return false;
    const path = url.pathname;
    const matching = this.routes.filter(([, pattern]) => pattern.test(path));
    try {
      if (matching.length === 0) throw new ApiFailure(404, `No such API path: ${path}`);
      const route = matching.find(([method]) => method === req.method);
      if (!route) throw new ApiFailure(405, `${req.method} is not allowed on ${path}`);
      if (req.method === 'POST' && !String(req.headers['content-type'] ?? '').startsWith('application/json')) {
        // Also what keeps cross-site form posts out: they cannot send this type without a preflight.
        throw new ApiFailure(415, 'POST bodies must be application/json');
      }
      const params = route[1].exec(path)!.slice(1).map((p) => decodeURIComponent(p));
      await route[2](req, res, params, url);
    } catch (error) {
      if (!res.headersSent) sendError(res, error);
      else res.end();
    }
    return true;
  }

  close(): void {
    this.jobs.close();
  }

  private async info(res: ServerResponse): Promise<void> {
    let title: string | undefined;
    try {
      title = (await this.ctx.client.getCapabilities()).title;
    } catch {
      // The page still works with what the catalog says; the process list shows why the server is down.
    }
    sendJson(res, 200, {
      server: displayUrl(this.ctx.config.serverUrl),
      ...(title ? { title } : {}),
      version: PACKAGE_VERSION,
      ...(this.options.tileUrl ? { tileUrl: this.options.tileUrl } : {}),
    });
  }

  private async processes(res: ServerResponse): Promise<void> {
    const { catalog } = this.ctx;
    await Promise.race([catalog.ready(), new Promise((r) => setTimeout(r, FIRST_LIST_WAIT_MS).unref())]);
    const processes = catalog.allEntries().map((e) => ({
      id: e.processId,
      title: e.summary.title ?? e.processId,
      ...(e.summary.description ? { description: e.summary.description } : {}),
      ...(e.skipReason ? { unavailable: e.skipReason } : {}),
    }));
    const problem = catalog.lastError instanceof Error ? catalog.lastError.message : undefined;
    sendJson(res, 200, { processes, ...(problem && processes.length === 0 ? { error: `The process list cannot be read: ${problem}` } : {}) });
  }

  private async process(res: ServerResponse, processId: string): Promise<void> {
    const entry = await this.entry(processId);
    sendJson(res, 200, formModel(entry.tool!, entry.description));
  }

  /** The execute request the form's arguments make, and what is wrong with them: the JSON the page shows. */
  private async request(req: IncomingMessage, res: ServerResponse, processId: string): Promise<void> {
    const entry = await this.entry(processId);
    const args = await this.arguments(req);
    const outcome = this.ctx.validator.validate(entry.tool!.inputSchema, args);
    sendJson(res, 200, {
      valid: outcome.ok,
      problems: outcome.ok ? [] : outcome.problems,
      request: this.executeRequest(entry, args),
    });
  }

  private async execute(req: IncomingMessage, res: ServerResponse, processId: string): Promise<void> {
    const entry = await this.entry(processId);
    const tool = entry.tool!;
    const args = await this.arguments(req);
    const outcome = this.ctx.validator.validate(tool.inputSchema, args);
    if (!outcome.ok) throw new ApiFailure(400, 'Invalid inputs; nothing was run.', { problems: outcome.problems });
    const body = this.executeRequest(entry, args);
    const offersAsync = tool.jobControlOptions.length === 0 || tool.jobControlOptions.includes('async-execute');
    const started = await this.ctx.client.executeProcess(tool.processId, { inputs: body.inputs } as ExecuteRequest, {
      mode: offersAsync ? 'async' : 'sync',
      jobControlOptions: tool.jobControlOptions,
    });
    if (started.job.jobID) this.jobs.track(started.job.jobID);
    void this.jobs.poke();
    sendJson(res, 201, { job: started.job, mode: started.mode, ...(started.results !== undefined ? { results: started.results } : {}) });
  }

  private async jobList(res: ServerResponse): Promise<void> {
    sendJson(res, 200, { jobs: await this.jobs.list() });
  }

  private async job(res: ServerResponse, jobId: string): Promise<void> {
    sendJson(res, 200, await this.ctx.client.getJob(jobId));
  }

  private async dismiss(res: ServerResponse, jobId: string): Promise<void> {
    const job = await this.ctx.client.dismissJob(jobId);
    void this.jobs.poke();
    sendJson(res, 200, job);
  }

  /** The results with what the process description says of each output (titles for the legend). */
  private async results(res: ServerResponse, jobId: string): Promise<void> {
    const job = await this.ctx.client.getJob(jobId);
    const results = await this.ctx.client.getJobResults(jobId);
    const tool = job.processID ? this.ctx.catalog.entry(job.processID)?.tool : undefined;
    const outputs = Object.fromEntries((tool?.outputs ?? []).map((o) => [o.id, { title: o.title ?? o.id, ...(o.description ? { description: o.description } : {}) }]));
    sendJson(res, 200, { job, results, outputs });
  }

  /** Linked result data fetched here, where the credentials are (only from the server's origin or allowed ones). */
  private async link(res: ServerResponse, url: URL): Promise<void> {
    const href = url.searchParams.get('href');
    if (!href) throw new ApiFailure(400, 'Give the link as ?href=URL');
    const fetched = await this.ctx.client.fetchLink(href, { maxBytes: MAX_LINK_BYTES });
    res.writeHead(200, {
      'content-type': fetched.contentType ?? 'application/octet-stream',
      'content-length': fetched.body.length,
      'cache-control': 'no-store',
      // Data from elsewhere is shown, never run: no scripts, no sniffing.
      'content-security-policy': "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox",
      'x-content-type-options': 'nosniff',
    });
    res.end(fetched.body);
  }

  private async entry(processId: string): Promise<CatalogEntry> {
    const { catalog } = this.ctx;
    let entry = catalog.entry(processId);
    if (!entry) {
      await catalog.refreshOnDemand();
      entry = catalog.entry(processId);
    }
    if (!entry) throw new ApiFailure(404, `No process "${processId}" on ${displayUrl(this.ctx.config.serverUrl)}.`);
    if (!entry.tool) throw new ApiFailure(422, `Process "${processId}" cannot be used: ${entry.skipReason ?? 'its description could not be read'}.`);
    return entry;
  }

  private async arguments(req: IncomingMessage): Promise<Record<string, unknown>> {
    const read = await readJsonBody(req, MAX_BODY_BYTES);
    if (!read.ok) throw new ApiFailure(read.status, read.message);
    const args = (read.body as { arguments?: unknown } | null)?.arguments ?? {};
    if (typeof args !== 'object' || args === null || Array.isArray(args)) throw new ApiFailure(400, 'arguments must be a JSON object');
    return args as Record<string, unknown>;
  }

  /** As the CLI's `-r` reads it: the process id and the OGC inputs. */
  private executeRequest(entry: CatalogEntry, args: Record<string, unknown>): { process_id: string; inputs: Record<string, unknown> } {
    const body = toExecuteRequest(entry.tool!, args, { objectInputEncoding: this.ctx.config.objectInputs });
    return { process_id: entry.processId, inputs: body.inputs };
  }
}
