// Log lines of one tools/call, sent on that call's own response stream: how a
// 2026-07-28 client gets logs (it names a logLevel in the request; there is no
// session to send them on). A line belongs to the call when it is logged while
// the call's work runs (AsyncLocalStorage follows it through every await);
// lines of other calls and of the process itself stay on stderr.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger, LogLevel } from '../log.js';

const current = new AsyncLocalStorage<object>();

export async function forwardCallLogs<T>(logger: Logger, send: (level: LogLevel, message: string) => Promise<void>, work: () => Promise<T>): Promise<T> {
  const scope = {};
  const remove = logger.addSink((level, message) => {
    // Best effort, like every notification: the stream may be gone.
    if (current.getStore() === scope) send(level, message).catch(() => undefined);
  });
  try {
    return await current.run(scope, work);
  } finally {
    remove();
  }
}
