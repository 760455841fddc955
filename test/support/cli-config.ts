// A command line to its Config, or to the ConfigError it is refused with.
import { expect } from 'vitest';
import { ConfigError, parseCommandLine, type Config } from '../../src/config.js';

export function serve(argv: string[], env: NodeJS.ProcessEnv = {}): Config {
  const command = parseCommandLine(argv, env);
  if (command.kind !== 'serve') throw new Error(`expected serve, got ${command.kind}`);
  return command.config;
}

export function failure(argv: string[], env: NodeJS.ProcessEnv = {}): string {
  try {
    parseCommandLine(argv, env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}
