// A failed command told on stderr: the reference client's `Error: ...` line,
// then the RFC 7807 title, status, type and detail of a server error, and
// what to try next. Secrets are masked; the exit code goes with it.
import { OgcApiError, OgcTransportError } from '../ogc/index.js';
import { describeForTerminal, notOgcServerLine } from '../mcp/terminal-errors.js';
import { statusLine } from '../ogc/errors.js';
import { redact, secretForms } from '../util/secrets.js';
import { exitCodeOf, UsageError } from './exit.js';
import type { Style } from './style.js';

export interface FailureContext {
  serverUrl?: string;
  demo?: boolean;
  jobId?: string;
  processId?: string;
  secrets?: readonly string[];
}

export function reportFailure(error: unknown, context: FailureContext, style: Style): { code: number; text: string } {
  const lines: string[] = [];
  const head = (message: string) => lines.push(`${style.red('Error:')} ${message}`);
  if (error instanceof UsageError) {
    head(error.message);
    lines.push(...error.details.map((d) => `  - ${d}`));
  } else if (error instanceof OgcApiError && notOgcServerLine(error, context.serverUrl) === undefined) {
    // The fields below carry the body; the head says who answered what.
    head(error.title !== undefined || error.detail !== undefined ? `${error.method ?? ''} ${error.path ?? ''} failed: HTTP ${statusLine(error.status)}`.trim() : error.message);
    const field = (name: string, value: unknown) => {
      if (value !== undefined && value !== '') lines.push(`  ${`${name}:`.padEnd(8)}${String(value)}`);
    };
    field('title', error.title);
    field('status', error.status);
    field('type', error.type);
    field('detail', error.detail);
    const hint = apiHint(error, context);
    if (hint) lines.push(hint);
  } else if (error instanceof OgcTransportError && error.kind === 'aborted') {
    head('Interrupted.');
  } else {
    head(describeForTerminal(error, context.serverUrl));
  }
  return { code: exitCodeOf(error), text: `${redact(lines.join('\n'), secretForms(context.secrets ?? []))}\n` };
}

function apiHint(error: OgcApiError, context: FailureContext): string | undefined {
  if (error.status === 401) {
    return 'The server wants credentials, or refused the ones given: run `ogc-processes-mcp configure`, or pass --auth-type with the credentials (see `ogc-processes-mcp help configure`).';
  }
  if (error.status === 403) return 'The credentials given are not allowed to do this.';
  if (error.status !== 404) return undefined;
  if (context.jobId !== undefined && context.demo) {
    return 'With --demo each command starts its own demo server, and its jobs live only as long as that command. To keep jobs between commands, run `ogc-processes-mcp demo-server` in another terminal and pass --server-url http://127.0.0.1:8008/.';
  }
  if (context.jobId !== undefined) return '`ogc-processes-mcp list-jobs` shows the jobs the server has.';
  if (context.processId !== undefined) return '`ogc-processes-mcp list-processes` shows the processes the server offers.';
  return undefined;
}
