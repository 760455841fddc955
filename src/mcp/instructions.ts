// What the model is told about the bridge at initialize: what every tool
// shares is said here once, not in each tool. Claude Code cuts instructions
// at 2,048 characters, so the essentials come first.
import { displayUrl } from '../util/display-url.js';

export interface InstructedServer {
  name?: string;
  url: string;
}

export function serverInstructions(servers: readonly InstructedServer[]): string {
  const several = servers.length > 1;
  const where = several
    ? `This bridge runs the processes of ${servers.length} OGC API - Processes servers: ${servers.map((s) => `${s.name} (${displayUrl(s.url)})`).join(', ')}. ` +
      'Process tools start with their server\'s name (e.g. ' + `${servers[0]!.name}_<process>` + '); the other tools take `server` where it matters, and job ids find their server by themselves.'
    : `This server runs the processes of the OGC API - Processes server at ${displayUrl(servers[0]?.url)}.`;
  return [
    where,
    'Each process is a tool named after its id; execute_process runs any process by id. When there are many processes, search_processes finds them (by words and filters) and only some are tools: run the others with execute_process.',
    'list_processes lists them; describe_process shows every input with its constraints.',
    'A process runs as a job. A call waits for it for a limited time; one still running answers {status, jobId, progress?, message?}:',
    'follow it with get_job, fetch its outputs with get_job_results once it is successful, or stop it with dismiss_job. list_jobs lists jobs.',
    'A finished run answers {status, jobId, outputs: {<output id>: value}} and the same facts as text. A failed job comes back as an error with the server\'s message.',
    'Large outputs are cut to a preview that says so; they stay readable whole as the resource ogc-job://{jobId}/results (or .../results/{outputId}).',
  ].join('\n');
}
