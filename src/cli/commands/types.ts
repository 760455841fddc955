import type { ParsedCommand } from '../options.js';
import type { Session } from '../session.js';
import type { Style } from '../style.js';
import type { DocumentKind } from '../output.js';

/** What a command gets: its parsed line, the session (opened lazily), where to write, and the environment. */
export interface CommandContext {
  parsed: ParsedCommand;
  env: NodeJS.ProcessEnv;
  /** Opens the server session on first use (validate-request may not need one). */
  session(): Promise<Session>;
  /** Prints a document on stdout in the chosen format. */
  print(doc: unknown, kind: DocumentKind): void;
  /** A line for the person on stderr (never on stdout). */
  note(line: string): void;
  stdoutStyle: Style;
  stderrStyle: Style;
  stdin: NodeJS.ReadStream;
  stderr: NodeJS.WriteStream;
  /** Sets what a failure is about, for its hint (the job or process named). */
  about(subject: { jobId?: string; processId?: string }): void;
}

export type Command = (ctx: CommandContext) => Promise<number>;
