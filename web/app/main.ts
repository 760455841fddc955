// The web app: processes (searchable), a form per process, live jobs and results.
import 'leaflet/dist/leaflet.css';
import './app.css';
import { h } from '../shared/dom.js';
import { geometryOf } from '../shared/geo.js';
import type { MapLayer } from '../shared/map.js';
import { api, type Execution, type ProcessItem } from './api.js';
import { renderProcess, type ProcessView } from './form.js';
import type { FormModel } from './form-types.js';
import { createJobsPanel } from './jobs.js';

async function start(): Promise<void> {
  const root = document.getElementById('app')!;
  const info = await api.info().catch(() => ({ server: '(unknown)', version: '', tileUrl: undefined as string | undefined }));
  document.getElementById('server')!.textContent = `${'title' in info && info.title ? `${info.title} · ` : ''}${info.server}`;

  const search = h('input', { type: 'search', id: 'process-search', placeholder: 'Filter processes', 'aria-controls': 'process-list' });
  const list = h('ul', { id: 'process-list', className: 'process-list', 'aria-label': 'Processes' });
  const sidebar = h('nav', { className: 'sidebar', 'aria-label': 'Processes' }, h('label', { for: 'process-search', className: 'visually-hidden' }, 'Filter processes'), search, list);
  const main = h('main', { className: 'main', id: 'main' }, h('p', { className: 'placeholder' }, 'Pick a process on the left.'));
  const jobs = createJobsPanel(info.tileUrl);
  root.replaceChildren(sidebar, main, h('aside', { className: 'side' }, jobs.element));

  let processes: ProcessItem[] = [];
  let current: ProcessView | undefined;
  let currentId: string | undefined;

  const renderList = () => {
    const q = search.value.trim().toLowerCase();
    const shown = processes.filter((p) => !q || `${p.id} ${p.title} ${p.description ?? ''}`.toLowerCase().includes(q));
    list.replaceChildren(
      ...shown.map((p) =>
        h('li', {},
          h('button', { type: 'button', className: 'process-item', 'aria-current': p.id === currentId ? 'page' : undefined, dataset: { processId: p.id }, disabled: Boolean(p.unavailable), title: p.unavailable ?? p.description, onclick: () => void open(p.id) },
            h('span', { className: 'process-item__title' }, p.title), h('span', { className: 'process-item__id' }, p.id))),
      ),
    );
    if (shown.length === 0) list.append(h('li', { className: 'placeholder' }, processes.length === 0 ? 'No processes.' : 'No process matches.'));
  };
  search.addEventListener('input', renderList);

  const onExecuted = (execution: Execution, args: Record<string, unknown>, model: FormModel) => {
    const layers = inputLayers(args, model);
    if (execution.results && !execution.job.jobID) jobs.showResults(`Results of ${model.processId}`, execution.results, layers);
    else if (execution.job.jobID) {
      jobs.remember(execution.job.jobID, layers);
      jobs.select(execution.job.jobID);
    }
  };

  async function open(id: string): Promise<void> {
    currentId = id;
    renderList();
    current?.destroy();
    main.replaceChildren(h('p', { className: 'placeholder', role: 'status' }, `Loading ${id}…`));
    try {
      const model = await api.process(id);
      if (currentId !== id) return;
      main.replaceChildren();
      current = renderProcess(main, model, { onExecuted, ...(info.tileUrl ? { tileUrl: info.tileUrl } : {}) });
      history.replaceState(null, '', `#${encodeURIComponent(id)}`);
      (main.querySelector('#process-title') as HTMLElement | null)?.focus();
    } catch (error) {
      main.replaceChildren(h('p', { className: 'error', role: 'alert' }, (error as Error).message));
    }
  }

  try {
    const data = await api.processes();
    processes = data.processes;
    if (data.error) main.replaceChildren(h('p', { className: 'error', role: 'alert' }, data.error));
  } catch (error) {
    main.replaceChildren(h('p', { className: 'error', role: 'alert' }, (error as Error).message));
  }
  renderList();
  const wanted = decodeURIComponent(location.hash.slice(1));
  if (wanted && processes.some((p) => p.id === wanted)) void open(wanted);
  document.body.dataset.ready = 'true';
}

/** The inputs that are geometries, to draw beside the results ("input: bbox"). */
function inputLayers(args: Record<string, unknown>, model: FormModel): MapLayer[] {
  const layers: MapLayer[] = [];
  for (const input of model.inputs) {
    const value = args[input.name];
    if (value === undefined) continue;
    const isBoxArray = input.ui.widget === 'map' && Array.isArray(value) && value.length === 4;
    const geometry = isBoxArray ? geometryOf({ bbox: value }) : geometryOf(value);
    if (geometry) layers.push({ label: `input ${input.title}`, data: geometry });
  }
  return layers;
}

void start();
