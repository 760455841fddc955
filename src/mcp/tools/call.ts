// One tools/call as the tool modules see it, whichever tool it runs.
import type { BridgeContext } from '../context.js';
import type { ProgressReporter } from '../progress.js';

export interface ToolCall {
  ctx: BridgeContext;
  /** Aborted when the client cancels the request (notifications/cancelled) or the session ends. */
  signal: AbortSignal;
  /** Present when the request carried a progressToken. */
  progress?: ProgressReporter;
  /**
   * False once the session is gone. The signal fires both when the client
   * cancels the call and when the connection closes; only the first dismisses
   * the call's job (a closed connection leaves it to run, findable by list_jobs).
   */
  sessionOpen(): boolean;
}
