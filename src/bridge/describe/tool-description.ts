// The description of a process tool, within the 2,048 characters Claude Code
// shows: what the process does first, then what it returns and notes the
// schema cannot express. What every process tool shares (it runs as a job, how
// to follow one) is said once, in the server instructions. The fixed parts
// are sized first; the process's own text gets the rest.
import type { NormalizedOutput } from './model.js';
import { type ProcessDescription, quoteId } from '../../ogc/index.js';
import { sameWords, truncateWords } from '../../util/text.js';

export const MAX_TOOL_DESCRIPTION = 2048;
const MAX_OUTPUTS_TEXT = 300;
const MAX_NOTES_TEXT = 600;

export function composeToolDescription(
  process: ProcessDescription,
  outputs: NormalizedOutput[],
  notes: string[],
): string {
  const outputsText = truncateWords(outputsSentence(outputs), MAX_OUTPUTS_TEXT);
  // Inputs by reference and base64 content are explained on the inputs themselves.
  const notesText = truncateWords(notes.join(' '), MAX_NOTES_TEXT);
  const tail = [outputsText, notesText].filter((t) => t !== '');
  const tailLength = tail.reduce((n, t) => n + t.length + 2, 0);
  // A title that only repeats the id is no summary.
  const title = process.title !== process.id ? process.title : undefined;
  const summary = truncateWords(process.description ?? title ?? `Runs the OGC API process ${quoteId(process.id)}.`, MAX_TOOL_DESCRIPTION - tailLength);
  return truncateWords([summary, ...tail].join('\n\n'), MAX_TOOL_DESCRIPTION);
}

function outputsSentence(outputs: NormalizedOutput[]): string {
  if (outputs.length === 0) return '';
  const names = outputs.slice(0, 20).map((o) => {
    const about = [o.title ?? o.description, o.mediaTypes[0]?.mediaType].filter((t): t is string => t !== undefined && !sameWords(t, o.id));
    return about.length > 0 ? `${o.id} (${about.map((t) => truncateWords(t, 60)).join(', ')})` : o.id;
  });
  const more = outputs.length > 20 ? `, and ${outputs.length - 20} more` : '';
  return `Outputs: ${names.join(', ')}${more}.`;
}
