// The live job list (server-sent events, polling as a fallback) with progress
// and Dismiss, and the results of the selected job.
import { h } from '../shared/dom.js';
import type { MapLayer } from '../shared/map.js';
import { renderResults, type ResultsView } from '../shared/results.js';
import { api, type Job } from './api.js';

const FINISHED = new Set(['successful', 'failed', 'dismissed']);

export interface JobsPanel {
  element: HTMLElement;
  /** Shows a job (just started, say) and its results once it has them. */
  select(jobId: string): void;
  /** Remembers geometry of a job's inputs, drawn with its results. */
  remember(jobId: string, layers: MapLayer[]): void;
  /** Shows results that came without a job (a synchronous run). */
  showResults(title: string, results: Record<string, unknown>, layers: MapLayer[]): void;
}

export function createJobsPanel(tileUrl: string | undefined): JobsPanel {
  const list = h('ul', { className: 'jobs__list', 'aria-label': 'Jobs' });
  const notice = h('p', { className: 'jobs__notice', role: 'status' });
  const resultsBox = h('section', { className: 'job-results', 'aria-label': 'Results', 'aria-live': 'polite' });
  const element = h('section', { className: 'jobs', 'aria-labelledby': 'jobs-title' }, h('h2', { id: 'jobs-title' }, 'Jobs'), notice, list, resultsBox);
  const inputLayers = new Map<string, MapLayer[]>();
  let jobs: Job[] = [];
  let selected: string | undefined;
  let shownFor: string | undefined;
  let view: ResultsView | undefined;

  const render = () => {
    list.replaceChildren(...jobs.map(row));
    if (jobs.length === 0) list.append(h('li', { className: 'jobs__empty' }, 'No jobs yet.'));
    const job = jobs.find((j) => j.jobID === selected);
    if (job && job.status === 'successful' && shownFor !== job.jobID) void showJobResults(job);
  };

  function row(job: Job): HTMLElement {
    const progress = job.progress ?? (FINISHED.has(job.status) ? 100 : undefined);
    const label = `${job.processID ?? 'job'} ${job.jobID}`;
    return h(
      'li',
      { className: `job job--${job.status}${job.jobID === selected ? ' job--selected' : ''}`, dataset: { jobId: job.jobID, status: job.status } },
      h('div', { className: 'job__head' },
        h('button', { type: 'button', className: 'job__open', 'aria-label': `Show ${label}`, 'aria-current': job.jobID === selected ? 'true' : undefined, onclick: () => select(job.jobID) },
          h('strong', {}, job.processID ?? '(process)'), ' ', h('code', {}, job.jobID)),
        h('span', { className: `badge badge--${job.status}` }, job.status)),
      h('progress', { max: 100, value: progress ?? 0, 'aria-label': `Progress of ${label}`, className: progress === undefined ? 'indeterminate' : '' }),
      h('div', { className: 'job__foot' },
        h('span', { className: 'job__message' }, [progress !== undefined ? `${Math.round(progress)} %` : '', job.message ?? ''].filter(Boolean).join(' · ')),
        h('button', { type: 'button', className: 'secondary job__dismiss', 'aria-label': `Dismiss ${label}`, onclick: () => void dismiss(job) }, FINISHED.has(job.status) ? 'Remove' : 'Dismiss')),
    );
  }

  async function dismiss(job: Job): Promise<void> {
    try {
      await api.dismiss(job.jobID);
      notice.textContent = `Job ${job.jobID} dismissed.`;
      if (selected === job.jobID) clearResults();
      await refresh();
    } catch (error) {
      notice.textContent = `Could not dismiss ${job.jobID}: ${(error as Error).message}`;
    }
  }

  function clearResults(): void {
    view?.destroy();
    view = undefined;
    shownFor = undefined;
    resultsBox.replaceChildren();
  }

  function select(jobId: string): void {
    selected = jobId;
    shownFor = undefined;
    clearResults();
    const job = jobs.find((j) => j.jobID === jobId);
    resultsBox.append(h('h3', {}, `Job ${jobId}`), h('p', {}, job && !FINISHED.has(job.status) ? 'Results appear here when the job has finished.' : ''));
    if (job?.status === 'failed') resultsBox.append(h('p', { className: 'error' }, `Failed: ${job.message ?? 'no reason given'}`));
    render();
  }

  async function showJobResults(job: Job): Promise<void> {
    shownFor = job.jobID;
    try {
      const data = await api.results(job.jobID);
      if (selected !== job.jobID) return;
      clearResults();
      shownFor = job.jobID;
      resultsBox.append(h('h3', {}, `Results of ${job.processID ?? ''} ${job.jobID}`));
      view = renderResults(resultsBox, {
        outputs: data.results,
        meta: data.outputs,
        extraLayers: inputLayers.get(job.jobID) ?? [],
        linkData: api.linkData,
        ...(tileUrl ? { tileUrl } : {}),
      });
      const features = await view.ready;
      resultsBox.dataset.features = String(features);
      resultsBox.dataset.ready = job.jobID;
    } catch (error) {
      resultsBox.append(h('p', { className: 'error' }, `Results could not be read: ${(error as Error).message}`));
    }
  }

  async function refresh(): Promise<void> {
    try {
      jobs = (await api.jobs()).jobs;
      render();
    } catch (error) {
      notice.textContent = (error as Error).message;
    }
  }

  // Live updates; EventSource reconnects by itself, and polling covers browsers or proxies without it.
  if ('EventSource' in window) {
    const source = new EventSource('/api/jobs/events');
    source.addEventListener('jobs', (e) => {
      jobs = (JSON.parse((e as MessageEvent<string>).data) as { jobs: Job[] }).jobs;
      if (notice.dataset.problem) notice.textContent = notice.dataset.problem = '';
      render();
    });
    source.addEventListener('problem', (e) => {
      notice.textContent = notice.dataset.problem = (JSON.parse((e as MessageEvent<string>).data) as { error: string }).error;
    });
  } else {
    setInterval(() => void refresh(), 2000);
  }
  void refresh();

  return {
    element,
    select(jobId) {
      select(jobId);
      void refresh();
    },
    remember(jobId, layers) {
      if (layers.length > 0) inputLayers.set(jobId, layers);
    },
    showResults(title, results, layers) {
      selected = undefined;
      clearResults();
      resultsBox.append(h('h3', {}, title));
      view = renderResults(resultsBox, { outputs: results, extraLayers: layers, linkData: api.linkData, ...(tileUrl ? { tileUrl } : {}) });
      void view.ready.then((n) => {
        resultsBox.dataset.features = String(n);
        resultsBox.dataset.ready = 'sync';
      });
      render();
    },
  };
}
