// What the model is told about this server at initialize. Claude Code cuts
// instructions at 2,048 characters, so the essentials come first.
import { displayUrl } from '../util/display-url.js';

export function serverInstructions(serverUrl: string): string {
  return [
    `This server runs the processes of the OGC API - Processes server at ${displayUrl(serverUrl)}.`,
    'Each process is a tool of its own (named after the process id); execute_process runs any process by id, for when its tool is not listed.',
    'list_processes shows what exists; describe_process shows a process\'s inputs and outputs; get_server_info describes the server.',
    'A run waits for its job for a limited time. If the job is still running when the call returns, the result carries the job id:',
    'follow it with get_job, fetch its outputs with get_job_results once it is successful, or stop it with dismiss_job. list_jobs lists jobs.',
    'A failed job comes back as an error with the server\'s own message. Large outputs are cut to fit; they stay readable whole as the resource ogc-job://{jobId}/results.',
  ].join('\n');
}
