// OGC job results -> MCP tool result (content + structuredContent), within a
// size budget: clients warn near 10k tokens and reject around 25k, so values
// that do not fit are cut to a preview and linked to the job's result resource.
// Each output is classified, then rendered; links and images have a fixed
// size, so the budget is shared out among the readable values only.
import { classifyOutput, type ClassifiedOutput } from './classify.js';
import { renderSpecial, type ImageAllowance } from './render-special.js';
import { measurePayload, renderCutValue, renderFullValue, renderedCost, type Payload } from './render-value.js';
import { assemble, collapsed, headerLine } from './assemble.js';
import { measureResultBytes, utf8Bytes } from './common.js';
import type {
  OutputDescription,
  RenderedOutput,
  ResourceUris,
  ResultsJob,
  ResultsOptions,
  ResultsToolResult,
} from './types.js';

/** About 20k tokens, below where clients start to reject tool results. */
export const DEFAULT_MAX_RESULT_BYTES = 80_000;
/** Base64 of this is about 700 kB, within Claude's 1 MB limit for a whole result. */
export const DEFAULT_MAX_IMAGE_BYTES = 512 * 1024;
/** Smaller budgets are raised to this: below it not even the notes about cut outputs fit. */
export const MIN_RESULT_BYTES = 1_024;

// Bytes of a preview's line beyond the preview itself, so that the first estimate fits.
const PREVIEW_LINE_ALLOWANCE = 64;
// A cut value that cannot get a preview this long is left out instead of shown as a bare note.
const MIN_PREVIEW_BYTES = 64;
// Rounds of cutting previews shorter when the estimate missed, before giving up on showing outputs at all.
const MAX_FITTING_ROUNDS = 6;

type ValueOutput = Extract<ClassifiedOutput, { kind: 'value' }>;

type ValuePlan = {
  id: string;
  output: ValueOutput;
  payload: Payload;
  /** The whole value rendered, when it could fit in the budget at all. */
  full?: RenderedOutput;
  fullCost: number;
  /** The note that the value was cut, without any preview: the least it can take. */
  bare: RenderedOutput;
  bareCost: number;
};

/** The payload as JSON text (a string payload quoted). */
function jsonOf(payload: Payload): string {
  return payload.kind === 'string' ? JSON.stringify(payload.text) : payload.json;
}

function planValue(id: string, output: ValueOutput, payload: Payload, budget: number, uris: ResourceUris): ValuePlan {
  const bare = renderCutValue(id, output, payload, 0, uris);
  const cut = { id, output, payload, bare, bareCost: renderedCost(id, bare) };
  // The value appears twice (text and structuredContent), each copy at least its own size.
  if (payload.bytes * 2 > budget) return { ...cut, fullCost: Number.POSITIVE_INFINITY };
  const json = jsonOf(payload);
  const full = renderFullValue(id, output, json);
  const wrapper =
    output.original === output.inner
      ? 0
      : utf8Bytes(JSON.stringify({ ...(output.original as Record<string, unknown>), value: 0 })) - 1;
  return { ...cut, full, fullCost: renderedCost(id, full, utf8Bytes(json) + wrapper) };
}

/** What a value must get to be worth showing: whole, or cut with a preview that says something. */
function leastCost(plan: ValuePlan): number {
  return Math.min(plan.fullCost, plan.bareCost + PREVIEW_LINE_ALLOWANCE + 2 * MIN_PREVIEW_BYTES);
}

/**
 * Shares out `available` bytes among the values, smallest first: each is
 * whole when it fits in an equal share of what is left, otherwise cut to that
 * share. The biggest values that do not get even their note are left out;
 * their ids come back in output order.
 */
function allocate(values: ValuePlan[], available: number, uris: ResourceUris, rendered: Map<string, RenderedOutput>): string[] {
  const bySize = [...values].sort((a, b) => a.fullCost - b.fullCost || a.bareCost - b.bareCost);
  let kept = 0;
  for (let least = 0; kept < bySize.length; kept++) {
    least += leastCost(bySize[kept] as ValuePlan);
    if (least > available) break;
  }
  let left = available;
  bySize.slice(0, kept).forEach((plan, i) => {
    const share = Math.floor(left / (kept - i));
    if (plan.full !== undefined && plan.fullCost <= share) {
      rendered.set(plan.id, plan.full);
      left -= plan.fullCost;
      return;
    }
    // The preview is shown twice: in the text and in structuredContent, where
    // its own line (label, ellipsis, item count) adds a little more.
    const previewBytes = Math.floor((share - plan.bareCost - PREVIEW_LINE_ALLOWANCE) / 2);
    const cut = previewBytes > 0 ? renderCutValue(plan.id, plan.output, plan.payload, previewBytes, uris) : plan.bare;
    rendered.set(plan.id, cut);
    left -= cut === plan.bare ? plan.bareCost : renderedCost(plan.id, cut);
  });
  const omitted = new Set(bySize.slice(kept).map((plan) => plan.id));
  return values.filter((v) => omitted.has(v.id)).map((v) => v.id);
}

/**
 * Translates a job's results (outputId -> value as the OGC server sent it) into
 * MCP content and structuredContent whose serialized size, images aside, stays
 * within `options.maxResultBytes`. Pure: no I/O.
 */
export function resultsToToolResult(
  results: Record<string, unknown>,
  job: ResultsJob,
  options: ResultsOptions,
  descriptions: Record<string, OutputDescription> = {},
): ResultsToolResult {
  const budget = Math.max(MIN_RESULT_BYTES, Math.floor(options.maxResultBytes ?? DEFAULT_MAX_RESULT_BYTES));
  const imageLimit = Math.max(0, Math.floor(options.maxImageBytes ?? DEFAULT_MAX_IMAGE_BYTES));
  const jobId = job.jobID;
  const uris: ResourceUris = {
    forOutput: (outputId) => (jobId === undefined ? undefined : options.resourceUriFor(jobId, outputId)),
    forResults: () => (jobId === undefined ? undefined : options.resourceUriFor(jobId)),
  };
  const ids = Object.keys(results);
  const images: ImageAllowance = { limit: imageLimit, remaining: imageLimit };
  const fixed = new Map<string, RenderedOutput>();
  const classified: [string, ValueOutput][] = [];
  for (const id of ids) {
    const description = Object.hasOwn(descriptions, id) ? descriptions[id] : undefined;
    const output = classifyOutput(results[id], description, options.baseUrl);
    if (output.kind === 'special') fixed.set(id, renderSpecial(id, output, uris, description, images));
    else classified.push([id, output]);
  }
  const header = headerLine(job, ids.length);

  // Most results are far below the budget: every value whole, measured once.
  const payloads = classified.map(([, output]) => measurePayload(output.inner));
  if (payloads.reduce((sum, p) => sum + p.bytes, 0) * 2 <= budget / 2) {
    const rendered = new Map(fixed);
    classified.forEach(([id, output], i) => rendered.set(id, renderFullValue(id, output, jsonOf(payloads[i]!))));
    const result = assemble(job, header, ids, rendered, [], budget, uris);
    if (measureResultBytes(result) <= budget) return result;
  }

  const values = classified.map(([id, output], i) => planValue(id, output, payloads[i]!, budget, uris));
  const base = measureResultBytes(assemble(job, header, ids, fixed, [], budget, uris));
  let reserve = 0;
  for (let round = 0; round < MAX_FITTING_ROUNDS && base + reserve <= budget; round++) {
    const rendered = new Map(fixed);
    const omitted = allocate(values, budget - base - reserve, uris, rendered);
    const result = assemble(job, header, ids, rendered, omitted, budget, uris);
    const size = measureResultBytes(result);
    if (size <= budget) return result;
    reserve += size - budget + 16 * (round + 1);
  }
  return collapsed(job, header, ids, budget, uris);
}
