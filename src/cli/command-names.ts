// The commands for people, with the reference client's names and aliases
// (the initials of their words). No imports: config.ts and the dispatcher
// both read this table.

export interface PeopleCommandName {
  name: string;
  alias?: string;
  /** Positional argument, as shown in usage. */
  argument?: string;
  summary: string;
}

export const PEOPLE_COMMANDS: readonly PeopleCommandName[] = [
  { name: 'configure', summary: 'Write the settings file: server URL and authentication (asks on a terminal).' },
  { name: 'list-processes', alias: 'lp', summary: 'List the processes of the server.' },
  { name: 'get-process', alias: 'gp', argument: 'PROCESS_ID', summary: 'Show the description of a process.' },
  { name: 'create-request', alias: 'cr', argument: 'PROCESS_ID', summary: 'Print an execution request template with the default input values.' },
  { name: 'validate-request', alias: 'vr', argument: '[PROCESS_ID]', summary: 'Check an execution request against the process inputs, without executing it.' },
  { name: 'execute-process', alias: 'ep', argument: '[PROCESS_ID]', summary: 'Execute a process; with --wait, follow the job to its end.' },
  { name: 'list-jobs', alias: 'lj', summary: 'List the jobs of the server.' },
  { name: 'get-job', alias: 'gj', argument: 'JOB_ID', summary: 'Show the status of a job.' },
  { name: 'dismiss-job', alias: 'dj', argument: 'JOB_ID', summary: 'Cancel a running job, or delete a finished one.' },
  { name: 'get-job-results', alias: 'gjr', argument: 'JOB_ID', summary: 'Show the results of a job; with --output DIR, write each output to a file.' },
];

/** The command a name or alias stands for. */
export function peopleCommandNamed(word: string): PeopleCommandName | undefined {
  return PEOPLE_COMMANDS.find((c) => c.name === word || c.alias === word);
}

/** The section of --help about them. */
export function peopleHelpSection(): string {
  const lines = ['Commands for people (`ogc-processes-mcp help COMMAND` for one):'];
  for (const c of PEOPLE_COMMANDS) lines.push(`  ${`${c.name}${c.alias ? ` (${c.alias})` : ''}`.padEnd(24)}${c.summary}`);
  lines.push('  Their exit codes: 0 done, 1 wrong usage or invalid request, 2 the server answered with an error, 3 no answer.');
  return `${lines.join('\n')}\n`;
}
