// The commands for people under the ogc-processes-mcp bin: parses the line,
// runs the command, prints its document on stdout and anything else on
// stderr, and turns failures into the reference client's exit codes.
import { closestMatches } from '../util/near-miss.js';
import { PEOPLE_COMMANDS, peopleCommandNamed, type PeopleCommandName } from './command-names.js';
import { configure } from './commands/configure.js';
import { executeProcess } from './commands/execute.js';
import { dismissJob, getJob, getJobResults, listJobs } from './commands/jobs.js';
import { createRequest, getProcess, listProcesses, validateRequest } from './commands/processes.js';
import type { Command, CommandContext } from './commands/types.js';
import { EXIT } from './exit.js';
import { parseCommand, usageOf, type ParsedCommand } from './options.js';
import { render } from './output.js';
import { reportFailure, type FailureContext } from './report.js';
import { openSession, type Session } from './session.js';
import { styleFor } from './style.js';

export { PEOPLE_COMMANDS, peopleCommandNamed } from './command-names.js';

const RUN: Record<string, Command> = {
  configure,
  'list-processes': listProcesses,
  'get-process': getProcess,
  'create-request': createRequest,
  'validate-request': validateRequest,
  'execute-process': executeProcess,
  'list-jobs': listJobs,
  'get-job': getJob,
  'dismiss-job': dismissJob,
  'get-job-results': getJobResults,
};

export function isPeopleCommand(word: string | undefined): boolean {
  return word !== undefined && peopleCommandNamed(word) !== undefined;
}

/** Runs `argv` (command first); resolves with the exit code. */
export async function runPeopleCommand(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const stderrStyle = styleFor(process.stderr, env);
  const command = peopleCommandNamed(argv[0] ?? '')!;
  const failure: FailureContext = {};
  let session: Session | undefined;
  try {
    const parsed = parseCommand(command, argv.slice(1));
    if (parsed.help) {
      process.stdout.write(usageOf(command));
      return EXIT.ok;
    }
    const stdoutStyle = styleFor(process.stdout, env);
    const ctx: CommandContext = {
      parsed,
      env,
      async session() {
        if (!session) {
          session = await openSession(parsed.values, env, (line) => process.stderr.write(`${line}\n`));
          Object.assign(failure, { serverUrl: session.serverUrl, demo: session.demo, secrets: session.secrets });
        }
        return session;
      },
      print: (doc, kind) => process.stdout.write(render(doc, parsed.format, kind, stdoutStyle)),
      note: (line) => process.stderr.write(`${line}\n`),
      stdoutStyle,
      stderrStyle,
      stdin: process.stdin,
      stderr: process.stderr,
      about: (subject) => Object.assign(failure, subject),
    };
    return await RUN[command.name]!(ctx);
  } catch (error) {
    const { code, text } = reportFailure(error, failure, stderrStyle);
    process.stderr.write(text);
    return code;
  } finally {
    await session?.close();
  }
}

/** `help` and `help COMMAND`: undefined when the word after help is no command for people. */
export function peopleHelp(word: string | undefined): string | undefined {
  if (word === undefined) return undefined;
  const command = peopleCommandNamed(word);
  return command ? usageOf(command) : undefined;
}

/** "Unknown command" with the closest ones, for a first word that is no command. */
export function unknownCommandMessage(word: string, others: readonly string[]): string {
  const names = [...PEOPLE_COMMANDS.flatMap((c: PeopleCommandName) => (c.alias ? [c.name, c.alias] : [c.name])), ...others];
  const near = closestMatches(word, names).map((n) => peopleCommandNamed(n)?.name ?? n);
  const unique = [...new Set(near)];
  return `Unknown command '${word}'.${unique.length ? ` Did you mean ${unique.map((n) => `'${n}'`).join(' or ')}?` : ''} See \`ogc-processes-mcp help\`.`;
}

export type { ParsedCommand };
