// The fixed tools, in the order tools/list shows them. A new fixed tool is a
// file of its own (see get-job.ts) and one line here.
import { describeProcess } from './describe-process.js';
import type { FixedTool } from './define.js';
import { dismissJob } from './dismiss-job.js';
import { executeProcess } from './execute-process.js';
import { getJobResults } from './get-job-results.js';
import { getJob } from './get-job.js';
import { getServerInfo } from './get-server-info.js';
import { listJobs } from './list-jobs.js';
import { listProcesses } from './list-processes.js';

export const FIXED_TOOLS: readonly FixedTool[] = [
  getServerInfo,
  listProcesses,
  describeProcess,
  executeProcess,
  listJobs,
  getJob,
  getJobResults,
  dismissJob,
];
