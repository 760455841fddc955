// Logging for a process whose stdout may belong to JSON-RPC: lines go to stderr,
// and to every connected MCP session that asked for them (notifications/message).
// Secret values registered at start-up are masked in every line, wherever they
// come from (an upstream error body may echo a token back).
import { redact as redactSecrets, secretForms } from './util/secrets.js';

export const LOG_LEVELS = ['debug', 'info', 'warning', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const SEVERITY: Record<LogLevel, number> = { debug: 0, info: 1, warning: 2, error: 3 };

/** Receives every line at or above the logger's level (an MCP session, a test). */
export type LogSink = (level: LogLevel, message: string) => void;

export interface Logger {
  readonly level: LogLevel;
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  /** Adds a sink; returns the function that removes it. */
  addSink(sink: LogSink): () => void;
  /** Masks the registered secrets in any text (also used for tool results). */
  redact(text: string): string;
  /** False when there is nothing to mask, so callers may skip the work; unknown when absent. */
  readonly hasSecrets?: boolean;
}

export interface LoggerOptions {
  level?: LogLevel;
  /** Values that must never be written anywhere (tokens, passwords, keys). */
  secrets?: readonly (string | undefined)[];
  /** Where lines go; stderr unless a test wants them. */
  write?: (line: string) => void;
}

export function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? 'info';
  const write = options.write ?? ((line: string) => process.stderr.write(line));
  const secrets = secretForms(options.secrets ?? []);
  const sinks = new Set<LogSink>();

  const redact = (text: string): string => redactSecrets(text, secrets);

  const log = (at: LogLevel, message: string): void => {
    if (SEVERITY[at] < SEVERITY[level]) return;
    const clean = redact(message);
    write(`[ogc-processes-mcp] ${at}: ${clean}\n`);
    for (const sink of sinks) {
      try {
        sink(at, clean);
      } catch {
        // A sink that fails (a closed session) must not break logging for the others.
      }
    }
  };

  return {
    level,
    debug: (m) => log('debug', m),
    info: (m) => log('info', m),
    warning: (m) => log('warning', m),
    error: (m) => log('error', m),
    addSink(sink) {
      sinks.add(sink);
      return () => sinks.delete(sink);
    },
    redact,
    hasSecrets: secrets.length > 0,
  };
}
