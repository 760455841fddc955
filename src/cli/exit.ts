// Exit codes of the commands for people, as in the reference client, and the
// errors that choose them.
import { OgcApiError, OgcError, OgcResponseError, OgcTransportError } from '../ogc/index.js';

export const EXIT = {
  ok: 0,
  /** Wrong usage, bad settings, an invalid request. */
  usage: 1,
  /** The server answered with an error (or a job failed). */
  server: 2,
  /** The server could not be reached. */
  unreachable: 3,
  /** Stopped with Ctrl+C. */
  interrupted: 130,
} as const;

/** Wrong usage or an invalid request: exit 1, with the message (and optional detail lines). */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
  }
}

/** A job that ended badly or did not end in time: exit 2. */
export class JobOutcomeError extends Error {
  override name = 'JobOutcomeError';
}

export function exitCodeOf(error: unknown): number {
  if (error instanceof OgcTransportError) return error.kind === 'aborted' ? EXIT.interrupted : EXIT.unreachable;
  if (error instanceof OgcApiError || error instanceof OgcResponseError || error instanceof JobOutcomeError) return EXIT.server;
  if (error instanceof OgcError) {
    // A token endpoint that cannot be reached is wrapped as a transport error; other client errors are the server's.
    return EXIT.server;
  }
  return EXIT.usage;
}
