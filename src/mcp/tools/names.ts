// The fixed tools' names: a contract (DESIGN.md), and reserved so that no
// process tool can take one of them.
export const FIXED_TOOL_NAMES = [
  'get_server_info',
  'list_processes',
  'describe_process',
  'execute_process',
  'list_jobs',
  'get_job',
  'get_job_results',
  'dismiss_job',
] as const;

export type FixedToolName = (typeof FIXED_TOOL_NAMES)[number];
