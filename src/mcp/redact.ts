// Configured secrets masked in everything a client receives: tool lists,
// results (every content block, links included) and resources. An upstream
// server may echo credentials anywhere (a title, a job message, an href), and
// the model must never see them.
import type { Logger } from '../log.js';

export function redactDeep<T>(logger: Logger, value: T): T {
  if (logger.hasSecrets === false) return value;
  const json = JSON.stringify(value);
  if (json === undefined) return value;
  const clean = logger.redact(json);
  return clean === json ? value : (JSON.parse(clean) as T);
}
