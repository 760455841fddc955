// Log lines and HTTP sessions. The process has one logger; every session's
// Server adds a sink to it that forwards lines to its client as MCP
// notifications/message. Over HTTP, many clients share the process, so a line
// logged while serving one session ("Started job <id>", a cancelled call)
// must reach that session only, and lines about the HTTP layer itself (who was
// refused, from where) none of them. Work for a session runs inside its scope
// (AsyncLocalStorage follows it through every await); a session's sinks hear
// lines logged in that scope and lines logged in no scope (the process's own,
// such as a catalog refresh failing), nothing else.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from '../../log.js';

export type LogScope = object;

/** What the HTTP layer logs with: lines about the transport itself, for the operator. */
export type TransportLog = Pick<Logger, 'debug' | 'info' | 'warning' | 'error'>;

export class LogScopes {
  private readonly current = new AsyncLocalStorage<LogScope>();
  /** Lines logged in this scope go to stderr only. */
  readonly stderrOnly: LogScope = {};

  constructor(private readonly base: Logger) {}

  run<T>(scope: LogScope, fn: () => T): T {
    return this.current.run(scope, fn);
  }

  /** The base logger, except that the sinks added through it hear only `scope` and unscoped lines. */
  loggerFor(scope: LogScope): Logger {
    const base = this.base;
    return {
      get level() {
        return base.level;
      },
      get hasSecrets() {
        return base.hasSecrets;
      },
      debug: (m) => base.debug(m),
      info: (m) => base.info(m),
      warning: (m) => base.warning(m),
      error: (m) => base.error(m),
      redact: (text) => base.redact(text),
      addSink: (sink) =>
        base.addSink((level, message) => {
          const at = this.current.getStore();
          if (at === undefined || at === scope) sink(level, message);
        }),
    };
  }

  /** Logs on stderr only, whatever scope the caller is in. */
  stderr(): TransportLog {
    const run = (fn: () => void) => this.run(this.stderrOnly, fn);
    return {
      debug: (m) => run(() => this.base.debug(m)),
      info: (m) => run(() => this.base.info(m)),
      warning: (m) => run(() => this.base.warning(m)),
      error: (m) => run(() => this.base.error(m)),
    };
  }
}
