// The description of a process tool, within the 2,048 characters Claude Code
// shows: what the process does first, then what it returns, notes the schema
// cannot express, and how to follow a job that outlives the call. The fixed
// parts are sized first; the process's own text gets the rest.
import type { NormalizedInput, NormalizedOutput } from './model.js';
import { type ProcessDescription, quoteId } from '../../ogc/index.js';
import { truncateWords } from '../../util/text.js';

export const MAX_TOOL_DESCRIPTION = 2048;
const MAX_OUTPUTS_TEXT = 300;
const MAX_NOTES_TEXT = 600;

export const JOB_FOLLOW_UP =
  'The process runs as a job on the OGC server and may take a while: if it has not finished when this call returns, ' +
  'the result gives a jobId to follow with get_job and get_job_results.';

export function composeToolDescription(
  process: ProcessDescription,
  inputs: NormalizedInput[],
  outputs: NormalizedOutput[],
  notes: string[],
): string {
  const outputsText = truncateWords(outputsSentence(outputs), MAX_OUTPUTS_TEXT);
  const notesText = truncateWords([...inputNotes(inputs), ...notes].join(' '), MAX_NOTES_TEXT);
  const tail = [outputsText, notesText, JOB_FOLLOW_UP].filter((t) => t !== '');
  const tailLength = tail.reduce((n, t) => n + t.length + 2, 0);
  // A title that only repeats the id is no summary.
  const title = process.title !== process.id ? process.title : undefined;
  const summary = truncateWords(process.description ?? title ?? `Runs the OGC API process ${quoteId(process.id)}.`, MAX_TOOL_DESCRIPTION - tailLength);
  return truncateWords([summary, ...tail].join('\n\n'), MAX_TOOL_DESCRIPTION);
}

function outputsSentence(outputs: NormalizedOutput[]): string {
  if (outputs.length === 0) return '';
  const names = outputs.slice(0, 20).map((o) => (o.title !== undefined && o.title !== o.id ? `${o.id} (${truncateWords(o.title, 60)})` : o.id));
  const more = outputs.length > 20 ? `, and ${outputs.length - 20} more` : '';
  return `Outputs: ${names.join(', ')}${more}.`;
}

function inputNotes(inputs: NormalizedInput[]): string[] {
  const notes: string[] = [];
  const byReference = inputs.filter((i) => i.acceptsReference).map((i) => i.argumentName);
  if (byReference.length > 0) {
    notes.push(`${listNames(byReference)} may be given inline or as a reference {"href": URL, "type": media type} that the server fetches.`);
  }
  if (inputs.some((i) => i.mediaTypes.some((m) => m.binary))) notes.push('Inline binary content is base64-encoded.');
  return notes;
}

function listNames(names: string[]): string {
  const shown = names.slice(0, 8).join(', ');
  const label = names.length === 1 ? 'Input' : 'Inputs';
  return names.length > 8 ? `${label} ${shown} and ${names.length - 8} more` : `${label} ${shown}`;
}
