// The MCP App: the results of one tool call inside the chat. The host passes
// the call's result (ui/notifications/tool-result); outputs are drawn as in
// the web app (values, images, links, a map with a legend). A job still
// running is followed with get_job until it ends, then get_job_results.
// Everything is inlined in the resource: the view makes no network requests.
import { App, applyDocumentTheme, applyHostStyleVariables, type McpUiHostContext } from '@modelcontextprotocol/ext-apps/app-with-deps';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import 'leaflet/dist/leaflet.css';
import '../shared/map.css';
import './view.css';
import { h } from '../shared/dom.js';
import { geometryOf } from '../shared/geo.js';
import type { MapLayer } from '../shared/map.js';
import { renderResults, type ResultsView } from '../shared/results.js';

const FINISHED = new Set(['successful', 'failed', 'dismissed']);
const POLL_MS = 1500;

interface Structured {
  status?: string;
  jobId?: string;
  processId?: string;
  progress?: number;
  message?: string;
  outputs?: Record<string, unknown>;
}

const root = document.getElementById('view')!;
const app = new App({ name: 'ogc-processes-mcp results', version: '1' }, {}, { autoResize: true });
let view: ResultsView | undefined;
let following: string | undefined;
/** Geometries among the call's arguments (a bbox, a WKT area), drawn with the results. */
let inputLayers: MapLayer[] = [];

function layersOf(args: Record<string, unknown>): MapLayer[] {
  const layers: MapLayer[] = [];
  // execute_process nests the process inputs under `inputs`.
  const nested = typeof args.inputs === 'object' && args.inputs !== null && !Array.isArray(args.inputs) ? (args.inputs as Record<string, unknown>) : {};
  for (const [name, value] of Object.entries({ ...args, ...nested })) {
    const isBox = Array.isArray(value) && value.length === 4 && /bbox|extent|box/i.test(name);
    const geometry = isBox ? geometryOf({ bbox: value }) : geometryOf(value);
    if (geometry) layers.push({ label: `input ${name}`, data: geometry });
  }
  return layers;
}

function applyContext(context: McpUiHostContext | undefined): void {
  if (context?.theme) applyDocumentTheme(context.theme);
  if (context?.styles?.variables) applyHostStyleVariables(context.styles.variables);
}

function show(result: CallToolResult): void {
  const s = (result.structuredContent ?? {}) as Structured;
  view?.destroy();
  view = undefined;
  root.replaceChildren();
  if (result.isError) {
    const text = result.content?.find((c) => c.type === 'text')?.text ?? 'The call failed.';
    root.append(h('p', { className: 'error', role: 'alert' }, text));
    root.dataset.state = 'error';
    return;
  }
  const head = h('div', { className: 'head' },
    h('strong', {}, s.processId ?? app.getHostContext()?.toolInfo?.tool.title ?? app.getHostContext()?.toolInfo?.tool.name ?? (s.jobId ? 'Job' : 'Result')),
    s.jobId ? h('code', {}, ` ${s.jobId}`) : null,
    s.status ? h('span', { className: `badge badge--${s.status}` }, s.status) : null);
  root.append(head);
  if (s.outputs) {
    view = renderResults(root, { outputs: s.outputs, extraLayers: inputLayers, openLink: (href) => void app.openLink({ url: href }) });
    // Images the bridge passed as image content rather than as a value.
    for (const block of result.content ?? []) {
      if (block.type === 'image') root.append(h('img', { className: 'results__image', src: `data:${block.mimeType};base64,${block.data}`, alt: 'Image output' }));
    }
    void view.ready.then((n) => {
      root.dataset.features = String(n);
      root.dataset.state = 'results';
    });
    return;
  }
  if (s.status && !FINISHED.has(s.status)) {
    const progress = h('progress', { max: 100, value: s.progress ?? 0, 'aria-label': 'Progress of the job' });
    root.append(progress, h('p', { className: 'message' }, [s.progress !== undefined ? `${Math.round(s.progress)} %` : '', s.message ?? ''].filter(Boolean).join(' · ')));
    root.dataset.state = 'running';
    if (s.jobId) void follow(s.jobId);
    return;
  }
  const text = result.content?.find((c) => c.type === 'text')?.text;
  root.append(h('p', {}, s.message ?? text ?? `Job ${s.status ?? ''}`));
  root.dataset.state = s.status ?? 'done';
}

/** Polls the job through the host until it ends, showing its progress, then its results. */
async function follow(jobId: string): Promise<void> {
  if (following === jobId) return;
  following = jobId;
  try {
    for (;;) {
      await new Promise((r) => setTimeout(r, POLL_MS));
      if (following !== jobId) return;
      const status = await app.callServerTool({ name: 'get_job', arguments: { job_id: jobId } });
      const s = (status.structuredContent ?? {}) as Structured;
      if (status.isError || !s.status) return show(status);
      if (s.status === 'successful') return show(await app.callServerTool({ name: 'get_job_results', arguments: { job_id: jobId } }));
      show({ ...status, structuredContent: { ...s, jobId } });
      if (FINISHED.has(s.status)) return;
    }
  } catch (error) {
    root.append(h('p', { className: 'error' }, `Could not follow the job: ${(error as Error).message}`));
  } finally {
    if (following === jobId) following = undefined;
  }
}

app.ontoolinput = (params) => {
  inputLayers = layersOf(params.arguments ?? {});
  if (root.dataset.state) return;
  root.replaceChildren(h('p', { className: 'placeholder' }, `Running with ${Object.keys(params.arguments ?? {}).length} input(s)…`));
};
app.ontoolresult = (result) => show(result as CallToolResult);
app.onhostcontextchanged = (context) => applyContext(context);
app.onteardown = async () => {
  following = undefined;
  return {};
};

void app.connect().then(() => applyContext(app.getHostContext()));
