// OgcClient: one method per OGC API - Processes Part 1 endpoint, plus
// waitForJob and fetchLink. Documents are checked with the tolerant zod
// models; anything unusable becomes an OgcError whose text holds no secret.
import {
  OgcApiError,
  OgcError,
  OgcLinkRefusedError,
  OgcResponseError,
  apiErrorFromResponse,
  invalidDocumentError,
  notJsonError,
  redactError,
} from './errors.js';
import {
  DEFAULT_OUTPUT_ID,
  declaresPart1v2,
  isJsonContentType,
  jobUrlOf,
  looksLikeStatusInfo,
  preferHeader,
  rawOutputValue,
  syncJob,
  wantsAsync,
  type Execution,
  type ExecutionMode,
  type ReturnPreference,
} from './execution.js';
import { onlyOutputId, resultsFromJson, type ResultsContext } from './results-shape.js';
import { RunTimes, jobRunMs } from './execution-plan.js';
import { listsBareIds, withDetail } from './bare-job-ids.js';
import type { z } from 'zod';
import type { ProcessDescription } from './description.js';
import { HttpTransport, headerValue, hrefOf, targetOf, type HttpResponse, type RequestTarget } from './http.js';
import { TokenSession, isTokenAuth, withTokens, type RequestSender } from './auth.js';
import {
  DOCUMENT_NAMES,
  documentSchemas,
  processDescriptionSchema,
  dismissalToStatusInfo,
  type ConformanceDeclaration,
  type DocumentKind,
  type ExecuteRequest,
  type JobList,
  type LandingPage,
  type ProcessList,
  type Results,
  type StatusInfo,
} from './models.js';
import {
  buildQuery,
  credentialsAllowed,
  encodeSegment,
  lastPathSegment,
  normalizeOrigins,
  parseBaseUrl,
  type BaseUrl,
  type QueryValue,
} from './urls.js';
import { LARGE_BODY_BYTES, collectAfterLargeBody } from '../util/memory.js';
import { DEFAULT_USER_AGENT } from '../util/version.js';
import { pollUntilFinished, type WaitForJobOptions } from './wait.js';
import { basicCredentials, credentialSecrets, secretForms, type Credentials } from '../util/secrets.js';

export type OgcAuth = Credentials;

export interface OgcClientOptions {
  /** e.g. http://127.0.0.1:8008/ (trailing slash optional; may have a path prefix like /ogc/). */
  baseUrl: string;
  auth?: OgcAuth;
  /** Defaults: connect 10 s, headers 30 s, body (idle between chunks) 60 s, whole body 5 min. */
  timeouts?: { connectMs?: number; headersMs?: number; bodyMs?: number; bodyTotalMs?: number };
  /** Default 64 MiB; a larger body fails with OgcResponseError `too-large`. */
  maxResponseBytes?: number;
  /**
   * Default 16 MiB (at most maxResponseBytes): the cap for API documents (landing page, conformance,
   * process lists and descriptions, job status and lists); results and links get maxResponseBytes.
   */
  maxDocumentBytes?: number;
  /** Retries of GETs on 502/503/504 and connection resets, with backoff; default 2. */
  retries?: number;
  /** Default `ogc-processes-mcp/<version>`. */
  userAgent?: string;
  /** Sent with every API request (and treated as secrets in error messages). */
  headers?: Record<string, string>;
  /** Origins (besides the server's) whose links fetchLink may fetch, without credentials. */
  allowedLinkOrigins?: string[];
}

export interface CallOptions {
  signal?: AbortSignal;
}

/** Reading a paged list: follow `next` links and return the items of all pages. */
export interface PagingOptions {
  followNext?: boolean;
  /** Most pages read when following `next` links; default 20. */
  maxPages?: number;
}

export interface GetProcessesOptions extends CallOptions, PagingOptions {
  limit?: number;
}

export interface ExecuteOptions extends CallOptions {
  /** Default `auto`: async when the process offers it (or says nothing), else sync. */
  mode?: ExecutionMode;
  /** The process's jobControlOptions, when the caller has its description at hand. */
  jobControlOptions?: string[];
  /** In `wait` mode, how long the server may hold the answer before making it a job. */
  waitSeconds?: number;
  /** The process's output ids, when the caller has its description at hand (results are filed under them). */
  outputIds?: readonly string[];
  /** 2.0: `minimal` asks for the outputs by reference; sent only when set. */
  returnPreference?: ReturnPreference;
}

/** One page of the job list, and where the next one is (on the server's own origin). */
export interface JobsPage {
  jobs: StatusInfo[];
  next?: string;
}

export interface GetJobsOptions extends CallOptions, PagingOptions {
  limit?: number;
  status?: string | string[];
  processId?: string | string[];
  type?: string | string[];
}

export interface GetJobResultsOptions extends CallOptions {
  /** Only this output (the results are fetched whole and this one is picked). */
  output?: string;
  /** The process's output ids: results in other shapes are filed under them. */
  outputIds?: readonly string[];
  /** 2.0: `minimal` asks for the outputs by reference; sent only when set. */
  returnPreference?: ReturnPreference;
}

export interface FetchLinkOptions extends CallOptions {
  accept?: string;
  maxBytes?: number;
}

export interface FetchedLink {
  contentType?: string;
  body: Buffer;
}

export type { WaitForJobOptions } from './wait.js';

const DEFAULT_TIMEOUTS = { connectMs: 10_000, headersMs: 30_000, bodyMs: 60_000, bodyTotalMs: 300_000 };
const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
// No real status, list or description comes near this; a server sending more is broken or hostile.
const DEFAULT_MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;
const DEFAULT_RETRIES = 2;
const DEFAULT_MAX_PAGES = 20;
const RETRY_BASE_DELAY_MS = 200;
const JSON_ACCEPT = 'application/json';
// Execution and results may answer with a raw output of any media type.
const RESULT_ACCEPT = 'application/json, */*;q=0.5';
// Configured headers whose values are never secrets.
const HARMLESS_HEADERS = new Set(['accept', 'accept-language', 'content-type', 'user-agent']);
// Names of headers and base-URL query parameters whose values are credentials.
const SENSITIVE_NAME = /auth|key|token|secret|pass|session|cookie|sig|credential/i;

interface ProcessFacts {
  jobControlOptions?: string[];
  outputIds: string[];
}

export class OgcClient {
  readonly #base: BaseUrl;
  readonly #http: RequestSender;
  /** OAuth2 tokens (login, client credentials); undefined for the other kinds. */
  readonly #tokens: TokenSession | undefined;
  /** Headers for every request to the server's origin (credentials included). */
  readonly #headers: Record<string, string>;
  /** Headers for other origins: no credentials, no configured extras. */
  readonly #anonymousHeaders: Record<string, string>;
  readonly #secrets: string[];
  readonly #maxBytes: number;
  readonly #maxDocumentBytes: number;
  readonly #linkOrigins: Set<string>;
  // Job control options and output ids of processes seen, so that executeProcess
  // does not have to fetch a description on every call.
  readonly #processFacts = new Map<string, ProcessFacts>();
  #part1v2: Promise<boolean> | undefined;
  /** How long each process was seen to run: what decides whether it may run synchronously (fast-start.ts). */
  readonly runTimes = new RunTimes();
  /** The server was seen to answer a 2.0 `wait` preference with a job at once: it is not relied on (fast-start.ts). */
  ignoresWait = false;

  constructor(options: OgcClientOptions) {
    this.#base = parseBaseUrl(options.baseUrl);
    const timeouts = { ...DEFAULT_TIMEOUTS, ...definedOnly(options.timeouts ?? {}) };
    const http = new HttpTransport({
      timeouts,
      retries: Math.max(0, options.retries ?? DEFAULT_RETRIES),
      retryBaseDelayMs: RETRY_BASE_DELAY_MS,
    });
    this.#maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    this.#maxDocumentBytes = Math.min(options.maxDocumentBytes ?? DEFAULT_MAX_DOCUMENT_BYTES, this.#maxBytes);
    this.#linkOrigins = normalizeOrigins(options.allowedLinkOrigins);

    const userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
    this.#anonymousHeaders = { 'user-agent': userAgent };
    const headers: Record<string, string> = { 'user-agent': userAgent };
    const secrets: string[] = [];
    for (const [name, value] of Object.entries(options.headers ?? {})) {
      const lower = name.toLowerCase();
      headers[lower] = value;
      // Configured headers may carry credentials under any name; long values are
      // treated as secrets too, short ones only under a telling name.
      if (!HARMLESS_HEADERS.has(lower) && (SENSITIVE_NAME.test(lower) || value.length >= 8)) secrets.push(value);
    }
    const auth = options.auth ?? (this.#base.userinfo ? { type: 'basic' as const, ...this.#base.userinfo } : undefined);
    if (this.#base.userinfo) secrets.push(this.#base.userinfo.password);
    for (const [name, value] of this.#base.query) {
      if (SENSITIVE_NAME.test(name)) secrets.push(value);
    }
    if (auth) {
      Object.assign(headers, authHeaders(auth));
      secrets.push(...credentialSecrets(auth));
    }
    this.#headers = headers;
    this.#secrets = secretForms(secrets);
    // Token kinds: the token goes onto each request to the server's origin, renewed as needed (auth.ts).
    this.#tokens = auth && isTokenAuth(auth) ? new TokenSession(auth, http) : undefined;
    this.#http = this.#tokens ? withTokens(http, this.#tokens, (target) => credentialsAllowed(this.#base, target)) : http;
  }

  /** GET / : the landing page. */
  getCapabilities(options: CallOptions = {}): Promise<LandingPage> {
    return this.#guard(() => this.#getDocument('', {}, 'landingPage', options.signal));
  }

  /** GET /conformance */
  getConformance(options: CallOptions = {}): Promise<ConformanceDeclaration> {
    return this.#guard(() => this.#getDocument('conformance', {}, 'conformance', options.signal));
  }

  /**
   * Whether the server declares OGC API - Processes - Part 1 2.0 (and so
   * understands `Prefer: respond-async, wait=N`). Read once; false when the
   * conformance declaration cannot be read.
   */
  speaksPart1v2(): Promise<boolean> {
    this.#part1v2 ??= this.getConformance().then(
      (declaration) => declaresPart1v2(declaration.conformsTo),
      () => false,
    );
    return this.#part1v2;
  }

  /** GET /processes, optionally following `next` links across pages. */
  getProcesses(options: GetProcessesOptions = {}): Promise<ProcessList> {
    return this.#guard(() => this.#getPages(this.#target('processes', { limit: options.limit }), 'processList', 'processes', options));
  }

  /** GET /processes/{id} */
  getProcess(processId: string, options: CallOptions = {}): Promise<ProcessDescription> {
    return this.#guard(async () => {
      const response = await this.#get(this.#target(`processes/${encodeSegment(processId)}`), JSON_ACCEPT, options.signal, this.#maxDocumentBytes);
      throwIfError(response);
      // Read under the id it was asked for: that is the id the server executes it under.
      const description = this.#check(response, processDescriptionSchema(processId), DOCUMENT_NAMES.process, parseJson(response));
      this.#rememberProcess(processId, description);
      return description;
    });
  }

  /**
   * POST /processes/{id}/execution. Asks for async (`Prefer: respond-async`)
   * when the process offers it and the mode allows it; returns a job either
   * way, with the results when the server answered synchronously.
   */
  executeProcess(processId: string, request: ExecuteRequest, options: ExecuteOptions = {}): Promise<Execution> {
    return this.#guard(async () => {
      const mode = options.mode ?? 'auto';
      const facts = await this.#processFactsFor(processId, mode, options);
      const body: ExecuteRequest = request.response === undefined ? { ...request, response: 'document' } : request;
      const headers: Record<string, string> = {
        ...this.#headers,
        accept: RESULT_ACCEPT,
        'content-type': 'application/json',
      };
      const prefer = preferHeader({
        respondAsync: mode === 'wait' || wantsAsync(mode, options.jobControlOptions ?? facts?.jobControlOptions),
        ...(mode === 'wait' ? { waitSeconds: options.waitSeconds ?? 0 } : {}),
        ...(options.returnPreference ? { return: options.returnPreference } : {}),
      });
      if (prefer !== undefined) headers.prefer = prefer;
      const response = await this.#http.send({
        method: 'POST',
        target: this.#target(`processes/${encodeSegment(processId)}/execution`),
        headers,
        body: JSON.stringify(body),
        maxBytes: this.#maxBytes,
        retry: false,
        ...(options.signal ? { signal: options.signal } : {}),
      });
      const context: ResultsContext = {
        requested: Object.keys(body.outputs ?? {}),
        ...(body.response === 'raw' ? { response: 'raw' as const } : {}),
      };
      const declared = options.outputIds ?? facts?.outputIds;
      if (declared) context.declared = declared;
      return this.#readExecution(processId, response, context, options.signal, returnPrefer(options.returnPreference));
    });
  }

  /** GET /jobs, optionally following `next` links across pages. */
  getJobs(options: GetJobsOptions = {}): Promise<JobList> {
    return this.#guard(() => this.#getPages(this.#target('jobs', jobsQuery(options)), 'jobList', 'jobs', options));
  }

  /** The first page of GET /jobs with these filters, and where the next page is. */
  getJobsPage(options: GetJobsOptions = {}): Promise<JobsPage> {
    return this.#guard(() => this.#jobsPageAt(this.#target('jobs', jobsQuery(options)), options.signal));
  }

  /** A further page of the job list, at the `next` href a page gave. */
  getJobsPageAt(href: string, options: CallOptions = {}): Promise<JobsPage> {
    return this.#guard(() => this.#jobsPageAt(targetOf(new URL(href)), options.signal));
  }

  async #jobsPageAt(target: RequestTarget, signal: AbortSignal | undefined): Promise<JobsPage> {
    let page = await this.#getAt(target, 'jobList', signal);
    const detailed = listsBareIds(page.document.jobs) ? withDetail(target) : undefined;
    if (detailed) page = await this.#getAt(detailed, 'jobList', signal);
    const next = page.document.links.find((l) => l.rel === 'next');
    if (!next) return { jobs: page.document.jobs };
    const nextUrl = new URL(next.href, page.url);
    // Paging stays on the server: credentials never follow a link elsewhere.
    if (!credentialsAllowed(this.#base, nextUrl)) return { jobs: page.document.jobs };
    return { jobs: page.document.jobs, next: nextUrl.href };
  }

  /** GET /jobs/{id} */
  getJob(jobId: string, options: CallOptions = {}): Promise<StatusInfo> {
    return this.#guard(() => this.#getDocument(`jobs/${encodeSegment(jobId)}`, {}, 'statusInfo', options.signal));
  }

  /** GET /jobs/{id}/results, as one map of output id to value (whatever shape the server used). */
  getJobResults(jobId: string, options: GetJobResultsOptions = {}): Promise<Results> {
    return this.#guard(async () => {
      const response = await this.#get(this.#target(`jobs/${encodeSegment(jobId)}/results`), RESULT_ACCEPT, options.signal, this.#maxBytes, returnPrefer(options.returnPreference));
      const context: ResultsContext = options.outputIds ? { declared: options.outputIds } : {};
      const results = this.#resultsOf(response, context, options.output);
      if (options.output === undefined) return results;
      if (!(options.output in results)) {
        const available = Object.keys(results).slice(0, 10).join(', ') || '(none)';
        throw new OgcResponseError(
          `${response.site.method} ${response.site.path}: the results have no output '${options.output}' (available: ${available})`,
          { reason: 'unexpected-response', site: response.site, status: response.status },
        );
      }
      return { [options.output]: results[options.output] };
    });
  }

  /** DELETE /jobs/{id}: dismiss a running job or remove a finished one. */
  dismissJob(jobId: string, options: CallOptions = {}): Promise<StatusInfo> {
    return this.#guard(async () => {
      const response = await this.#http.send({
        method: 'DELETE',
        target: this.#target(`jobs/${encodeSegment(jobId)}`),
        headers: { ...this.#headers, accept: JSON_ACCEPT },
        maxBytes: this.#maxBytes,
        retry: false,
        ...(options.signal ? { signal: options.signal } : {}),
      });
      throwIfError(response);
      if (isBlank(response)) return { jobID: jobId, status: 'dismissed' };
      const doc = parseJson(response);
      const job = dismissalToStatusInfo(doc, jobId);
      if (job) return job;
      // Not a dismissal we can read: report why the statusInfo model rejects it.
      return this.#validate(response, 'statusInfo', doc);
    });
  }

  /**
   * Polls the job (exponential backoff from ~50 ms to 1 s) until it finishes
   * or `timeoutMs` passes; resolves with the job as last seen either way.
   */
  waitForJob(jobId: string, options: WaitForJobOptions = {}): Promise<StatusInfo> {
    return this.#guard(async () => {
      const startedAt = Date.now();
      const job = await pollUntilFinished((signal) => this.getJob(jobId, signal ? { signal } : {}), options);
      if (job.status === 'successful' && job.processID) this.runTimes.record(job.processID, jobRunMs(job, Date.now() - startedAt));
      return job;
    });
  }

  /**
   * GET of a result reference. Credentials go only to the server's own
   * origin; other origins are refused unless listed in allowedLinkOrigins
   * (and then get no credentials).
   */
  fetchLink(href: string, options: FetchLinkOptions = {}): Promise<FetchedLink> {
    return this.#guard(async () => {
      const url = this.#linkUrl(href);
      const headers = { ...this.#headersFor(url), accept: options.accept ?? '*/*' };
      const response = await this.#http.send({
        method: 'GET',
        target: targetOf(url),
        headers,
        maxBytes: options.maxBytes ?? this.#maxBytes,
        retry: true,
        redirectHeaders: (target) => ({ ...this.#headersFor(this.#linkUrl(target.href)), accept: headers.accept }),
        ...(options.signal ? { signal: options.signal } : {}),
      });
      throwIfError(response);
      return { ...(response.contentType !== undefined ? { contentType: response.contentType } : {}), body: response.body };
    });
  }

  /**
   * Where fetchLink would go for `href` (resolved against the server, without
   * userinfo); undefined when fetchLink would refuse it.
   */
  linkTarget(href: string): URL | undefined {
    try {
      return this.#linkUrl(href);
    } catch (error) {
      if (error instanceof OgcLinkRefusedError) return undefined;
      throw error;
    }
  }

  /** Closes the connection pool; the client cannot be used afterwards. */
  async close(): Promise<void> {
    await this.#http.close();
  }

  // ------------------------------------------------------------ internals

  /** Runs a public method, scrubbing configured secrets from any OgcError it throws. */
  async #guard<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof OgcError) throw redactError(error, this.#tokens ? secretForms([...this.#secrets, ...this.#tokens.secrets()]) : this.#secrets);
      throw error;
    }
  }

  #target(relativePath: string, query: Record<string, QueryValue> = {}): RequestTarget {
    return { origin: this.#base.origin, path: this.#base.pathPrefix + relativePath + buildQuery(this.#base.query, query) };
  }

  /** Headers for a request to `target`: full credentials on the server's origin, none elsewhere. */
  #headersFor(target: URL): Record<string, string> {
    return credentialsAllowed(this.#base, target) ? this.#headers : this.#anonymousHeaders;
  }

  #linkUrl(href: string): URL {
    let url: URL;
    try {
      url = new URL(href, this.#base.origin + this.#base.pathPrefix);
    } catch {
      throw new OgcLinkRefusedError(`link is not a valid URL: ${href.slice(0, 100)}`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new OgcLinkRefusedError(`link uses ${url.protocol.replace(':', '')}, only http and https links are fetched`);
    }
    if (!credentialsAllowed(this.#base, url) && !this.#linkOrigins.has(url.origin)) {
      throw new OgcLinkRefusedError(
        `link to ${url.origin} refused: only the server's origin and allowedLinkOrigins may be fetched`,
      );
    }
    // A link must not smuggle credentials of its own.
    url.username = '';
    url.password = '';
    return url;
  }

  #get(target: RequestTarget, accept: string, signal: AbortSignal | undefined, maxBytes: number = this.#maxBytes, extra: Record<string, string> = {}): Promise<HttpResponse> {
    return this.#http.send({
      method: 'GET',
      target,
      headers: { ...this.#headers, accept, ...extra },
      maxBytes,
      retry: true,
      redirectHeaders: (target) => ({ ...this.#headersFor(target), accept, ...extra }),
      ...(signal ? { signal } : {}),
    });
  }

  async #getAt<K extends DocumentKind>(
    target: RequestTarget,
    kind: K,
    signal: AbortSignal | undefined,
  ): Promise<{ document: DocumentOf<K>; url: string }> {
    const response = await this.#get(target, JSON_ACCEPT, signal, this.#maxDocumentBytes);
    return { document: this.#parse(response, kind), url: response.url };
  }

  /** A list document, with the items of the pages its `next` links lead to when asked. */
  async #getPages<K extends 'processList' | 'jobList', I extends keyof DocumentOf<K> & ('processes' | 'jobs')>(
    first: RequestTarget,
    kind: K,
    itemsKey: I,
    options: PagingOptions & CallOptions,
  ): Promise<DocumentOf<K>> {
    const page = await this.#getAt(first, kind, options.signal);
    if (!options.followNext) return page.document;
    const items = [...(page.document[itemsKey] as unknown[])];
    let last = page;
    const visited = new Set([hrefOf(first), page.url]);
    const maxPages = Math.max(1, options.maxPages ?? DEFAULT_MAX_PAGES);
    for (let pages = 1; pages < maxPages; pages++) {
      const next = last.document.links.find((l) => l.rel === 'next');
      if (!next) break;
      const nextUrl = new URL(next.href, last.url);
      // Paging stays on the server: credentials never follow a link elsewhere.
      if (!credentialsAllowed(this.#base, nextUrl) || visited.has(nextUrl.href)) break;
      visited.add(nextUrl.href);
      last = await this.#getAt(targetOf(nextUrl), kind, options.signal);
      items.push(...(last.document[itemsKey] as unknown[]));
    }
    return { ...last.document, [itemsKey]: items };
  }

  async #getDocument<K extends DocumentKind>(
    relativePath: string,
    query: Record<string, QueryValue>,
    kind: K,
    signal: AbortSignal | undefined,
  ): Promise<DocumentOf<K>> {
    return (await this.#getAt(this.#target(relativePath, query), kind, signal)).document;
  }

  /** Status check, JSON parse and model check of a response. */
  #parse<K extends DocumentKind>(response: HttpResponse, kind: K): DocumentOf<K> {
    throwIfError(response);
    return this.#validate(response, kind, parseJson(response));
  }

  #validate<K extends DocumentKind>(response: HttpResponse, kind: K, doc: unknown): DocumentOf<K> {
    return this.#check(response, documentSchemas[kind] as z.ZodType<DocumentOf<K>, unknown>, DOCUMENT_NAMES[kind], doc);
  }

  #check<T>(response: HttpResponse, schema: z.ZodType<T, unknown>, documentName: string, doc: unknown): T {
    const result = schema.safeParse(doc);
    if (!result.success) {
      throw invalidDocumentError(response.site, response.status, documentName, result.error.issues);
    }
    return result.data;
  }

  #rememberProcess(processId: string, description: ProcessDescription): void {
    this.#processFacts.set(processId, {
      jobControlOptions: description.jobControlOptions,
      outputIds: description.outputs.map((output) => output.id),
    });
  }

  /**
   * What executeProcess needs to know about a process. Fetched once (and
   * only when the caller did not pass jobControlOptions and the mode is not
   * sync); a failure to describe it is not fatal: execution will tell.
   */
  async #processFactsFor(processId: string, mode: ExecutionMode, options: ExecuteOptions): Promise<ProcessFacts | undefined> {
    const known = this.#processFacts.get(processId);
    if (known || mode === 'sync' || options.jobControlOptions !== undefined) return known;
    try {
      await this.getProcess(processId, options.signal ? { signal: options.signal } : {});
    } catch (error) {
      if (options.signal?.aborted) throw error;
    }
    return this.#processFacts.get(processId);
  }

  /**
   * Results by output id from a results response: JSON in any of the shapes
   * results-shape.ts reads, or one raw output of any media type (filed under
   * `rawId`, else the only expected output).
   */
  #resultsOf(response: HttpResponse, context: ResultsContext, rawId?: string): Results {
    throwIfError(response);
    if (isBlank(response)) return {};
    if (!isJsonContentType(response.contentType) && !looksLikeJson(response)) {
      if ((response.contentType ?? '').includes('html')) {
        throw notJsonError(response.site, response.status, response.body.toString('utf8'), response.contentType);
      }
      return { [rawId ?? onlyOutputId(context) ?? DEFAULT_OUTPUT_ID]: rawOutputValue(response.body, response.contentType) };
    }
    return resultsFromJson(parseJson(response), context);
  }

  /** `followHeaders` go with the GET of a 303's results (the return preference holds there too). */
  async #readExecution(
    processId: string,
    response: HttpResponse,
    context: ResultsContext,
    signal: AbortSignal | undefined,
    followHeaders: Record<string, string> = {},
  ): Promise<Execution> {
    const location = headerValue(response.headers, 'location');
    // A 303 with a Location is 2.0's way to say where the results are; any other 3xx is an error.
    if (response.status !== 303 || location === undefined) throwIfError(response);
    const preferenceApplied = headerValue(response.headers, 'preference-applied');
    const extra = preferenceApplied !== undefined ? { preferenceApplied } : {};
    const blank = isBlank(response);

    if (response.status === 201 || response.status === 202) {
      const doc = blank ? null : parseJson(response);
      if (looksLikeStatusInfo(doc)) return { job: this.#validate(response, 'statusInfo', doc), mode: 'async', ...extra };
      // 201 with a null or empty body: the job is only in the Location header.
      const jobId = location !== undefined ? lastPathSegment(location) : undefined;
      if (jobId === undefined) {
        throw new OgcResponseError(
          `${response.site.method} ${response.site.path}: HTTP ${response.status} without a job (no statusInfo body and no Location header)`,
          { reason: 'unexpected-response', site: response.site, status: response.status },
        );
      }
      return { job: await this.#jobOrPlaceholder(jobId, processId, signal), mode: 'async', ...extra };
    }

    const monitor = jobUrlOf(undefined, headerValue(response.headers, 'link'));
    if (response.status === 303 && location !== undefined) {
      // 2.0: the results are at the Location; the job, if any, in Link rel=monitor.
      const results = this.#resultsOf(await this.#get(targetOf(new URL(location, response.url)), RESULT_ACCEPT, signal, this.#maxBytes, followHeaders), context);
      return { job: syncJob(processId, monitor !== undefined ? lastPathSegment(monitor) : undefined), results, mode: 'sync', ...extra };
    }
    const jobUrl = jobUrlOf(location, headerValue(response.headers, 'link'));
    const jobId = (jobUrl !== undefined ? lastPathSegment(jobUrl) : undefined) ?? headerValue(response.headers, 'x-job-id');
    if (!blank && (isJsonContentType(response.contentType) || looksLikeJson(response))) {
      const doc = parseJson(response);
      // A job status with 200: the server ran it as a job after all.
      if (looksLikeStatusInfo(doc)) return { job: this.#validate(response, 'statusInfo', doc), mode: 'async', ...extra };
      return { job: syncJob(processId, jobId), results: resultsFromJson(doc, context), mode: 'sync', ...extra };
    }
    return { job: syncJob(processId, jobId), results: this.#resultsOf(response, context), mode: 'sync', ...extra };
  }

  /** The job a Location header named; if it cannot be read yet, an accepted job with that id. */
  async #jobOrPlaceholder(jobId: string, processId: string, signal: AbortSignal | undefined): Promise<StatusInfo> {
    try {
      return await this.getJob(jobId, signal ? { signal } : {});
    } catch (error) {
      if (signal?.aborted || !(error instanceof OgcApiError || error instanceof OgcResponseError)) throw error;
      return { jobID: jobId, processID: processId, status: 'accepted', type: 'process' };
    }
  }
}

type DocumentOf<K extends DocumentKind> = {
  landingPage: LandingPage;
  conformance: ConformanceDeclaration;
  processList: ProcessList;
  process: ProcessDescription;
  execute: ExecuteRequest;
  statusInfo: StatusInfo;
  jobList: JobList;
  results: Results;
  exception: unknown;
}[K];

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The query of GET /jobs: the Part 1 parameters, lists repeated. */
function jobsQuery(options: GetJobsOptions): Record<string, QueryValue> {
  return { limit: options.limit, status: asList(options.status), processID: asList(options.processId), type: asList(options.type) };
}

function asList(value: string | string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value : [value];
}

/** Headers of the fixed kinds; the token kinds get theirs per request (auth.ts). */
function authHeaders(auth: OgcAuth): Record<string, string> {
  switch (auth.type) {
    case 'bearer':
      return auth.header ? { [auth.header.toLowerCase()]: auth.token } : { authorization: `Bearer ${auth.token}` };
    case 'basic':
      return { authorization: `Basic ${basicCredentials(auth.username, auth.password)}` };
    case 'api-key':
      return { [(auth.header ?? 'X-API-Key').toLowerCase()]: auth.key };
    case 'login':
    case 'client-credentials':
      return {};
  }
}

/** The Prefer header of a GET of results, when a return preference was asked for. */
function returnPrefer(preference: ReturnPreference | undefined): Record<string, string> {
  const prefer = preference ? preferHeader({ return: preference }) : undefined;
  return prefer !== undefined ? { prefer } : {};
}

function throwIfError(response: HttpResponse): void {
  if (response.status >= 400) {
    throw apiErrorFromResponse(response.site, response.status, response.body.toString('utf8'), response.contentType);
  }
  if (response.status >= 300) {
    throw new OgcResponseError(
      `${response.site.method} ${response.site.path}: unexpected HTTP ${response.status}${
        headerValue(response.headers, 'location') ? ' redirect' : ''
      }`,
      { reason: 'unexpected-response', site: response.site, status: response.status },
    );
  }
}

/** No body, or only whitespace (looked at cheaply: a real document starts within a few bytes). */
function isBlank(response: HttpResponse): boolean {
  const body = response.body;
  if (body.length === 0) return true;
  if (body.length > 1024) return false;
  return BLANK.test(body.toString('utf8'));
}

function looksLikeJson(response: HttpResponse): boolean {
  const first = response.body.subarray(0, 64).toString('utf8').replace(/^\uFEFF/, '').trimStart()[0];
  return first === '{' || first === '[';
}

const BLANK = /^\s*$/;

/**
 * The body as JSON. A large body's bytes are let go once decoded (no caller
 * reads them after this), and garbage is collected before and after the
 * parse, so that bytes, text and value are never all held at once.
 */
function parseJson(response: HttpResponse): unknown {
  const size = response.body.length;
  let text = response.body.toString('utf8');
  if (size >= LARGE_BODY_BYTES) {
    response.body = Buffer.alloc(0);
    collectAfterLargeBody(size);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (BLANK.test(text)) {
    throw notJsonError(response.site, response.status, text, response.contentType, 'empty body');
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw notJsonError(response.site, response.status, text, response.contentType, (error as Error).message);
  }
  text = '';
  collectAfterLargeBody(size);
  return doc;
}
