// A process's page: its form (advanced inputs behind a switch), the request as
// JSON (the same the CLI's -r reads; copyable), and Run.
import { h, uid } from '../shared/dom.js';
import { api, ApiError, type Execution } from './api.js';
import { createField, type Field } from './fields.js';
import type { FormModel } from './form-types.js';

export interface ProcessViewOptions {
  tileUrl?: string;
  /** Called once a run has started (or finished, for a synchronous run). */
  onExecuted(execution: Execution, args: Record<string, unknown>, model: FormModel): void;
}

export interface ProcessView {
  element: HTMLElement;
  destroy(): void;
}

export function renderProcess(parent: HTMLElement, model: FormModel, options: ProcessViewOptions): ProcessView {
  let timer: number | undefined;
  const changed = () => {
    clearTimeout(timer);
    timer = window.setTimeout(() => void preview(), 200);
  };
  const fields: Field[] = model.inputs.map((input) => createField(input, { changed, ...(options.tileUrl ? { tileUrl: options.tileUrl } : {}) }));
  const basic = fields.filter((f) => !f.input.ui.advanced);
  const advanced = fields.filter((f) => f.input.ui.advanced);

  const advancedId = uid('adv');
  const advancedBox = h('div', { id: advancedId, className: 'advanced', hidden: true }, ...advanced.map((f) => f.element));
  const advancedToggle = advanced.length > 0
    ? h('label', { className: 'switch' },
        h('input', { type: 'checkbox', 'aria-controls': advancedId, onchange: (e: Event) => {
          advancedBox.hidden = !(e.target as HTMLInputElement).checked;
          for (const f of advanced) f.refresh?.();
        } }),
        ` Show advanced inputs (${advanced.length})`)
    : null;

  const requestJson = h('pre', { className: 'request-json', id: uid('req'), tabindex: '0', 'aria-label': 'Execute request as JSON' });
  const problems = h('ul', { className: 'problems', 'aria-live': 'polite' });
  const status = h('p', { className: 'run-status', role: 'status' });
  const runButton = h('button', { type: 'submit', className: 'primary' }, 'Run');
  const copyButton = h('button', { type: 'button', className: 'secondary', onclick: () => void copy() }, 'Copy JSON');

  const form = h(
    'form',
    { className: 'process-form', 'aria-label': `Inputs of ${model.title}`, novalidate: true, onsubmit: (e: Event) => {
      e.preventDefault();
      void run();
    } },
    fields.length === 0 ? h('p', {}, 'This process takes no inputs.') : null,
    ...basic.map((f) => f.element),
    advancedToggle,
    advancedBox,
    h('div', { className: 'actions' }, runButton),
    status,
  );
  const element = h(
    'section',
    { className: 'process', 'aria-labelledby': 'process-title' },
    h('h2', { id: 'process-title', tabindex: '-1' }, model.title, h('span', { className: 'process-id' }, ` ${model.processId}${model.version ? ` · v${model.version}` : ''}`)),
    model.description ? h('p', { className: 'process-description' }, model.description) : null,
    form,
    h('section', { className: 'request', 'aria-label': 'Request' },
      h('div', { className: 'request__head' }, h('h3', {}, 'Request (JSON)'), copyButton),
      problems,
      requestJson),
  );
  parent.append(element);

  function collect(): { args: Record<string, unknown>; errors: string[] } {
    const args: Record<string, unknown> = {};
    const errors: string[] = [];
    for (const f of fields) {
      const r = f.read();
      if (r.error) errors.push(r.error);
      else if (r.value !== undefined) args[f.input.name] = r.value;
    }
    return { args, errors };
  }

  let previewSeq = 0;
  async function preview(): Promise<void> {
    const seq = ++previewSeq;
    const { args, errors } = collect();
    try {
      const p = await api.preview(model.processId, args);
      if (seq !== previewSeq) return;
      requestJson.textContent = JSON.stringify(p.request, null, 2);
      showProblems([...errors, ...p.problems]);
    } catch (error) {
      if (seq === previewSeq) showProblems([...errors, (error as Error).message]);
    }
  }

  function showProblems(list: string[]): void {
    problems.replaceChildren(...list.map((p) => h('li', {}, p)));
  }

  async function copy(): Promise<void> {
    const text = requestJson.textContent ?? '';
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = 'Request copied.';
    } catch {
      const range = document.createRange();
      range.selectNodeContents(requestJson);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      status.textContent = 'Select-all done: press Ctrl+C to copy.';
    }
  }

  async function run(): Promise<void> {
    const { args, errors } = collect();
    if (errors.length > 0) {
      showProblems(errors);
      status.textContent = 'Fix the inputs first.';
      return;
    }
    runButton.disabled = true;
    status.textContent = `Starting ${model.processId}…`;
    try {
      const execution = await api.execute(model.processId, args);
      status.textContent = execution.job.jobID ? `Started job ${execution.job.jobID} (${execution.job.status}).` : `Finished (${execution.job.status}).`;
      options.onExecuted(execution, args, model);
    } catch (error) {
      status.textContent = `Not run: ${(error as Error).message}`;
      if (error instanceof ApiError) showProblems(error.problems);
    } finally {
      runButton.disabled = false;
    }
  }

  void preview();
  return {
    element,
    destroy() {
      clearTimeout(timer);
      for (const f of fields) f.destroy?.();
      element.remove();
    },
  };
}
