export { startDemoServer, DEMO_SERVER_DEFAULTS, type DemoServer, type DemoServerOptions } from './server.js';
export { runDemoServerForeground, DEFAULT_FOREGROUND_PORT } from './foreground.js';
export { BUILTIN_PROCESSES, demoProcesses } from './processes/index.js';
export type { DemoProcess, InputDescription, OutputDescription, RunContext, Schema } from './processes/types.js';
export type { JobStatus } from './jobs.js';
