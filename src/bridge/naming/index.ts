// Names across the servers of one bridge: server names, and the one table of
// tool names.
export { MAX_SERVER_NAME_LENGTH, serverNameProblem, serverNamesProblems } from './server-names.js';
export { ToolNames, type ProcessRef, type ServerToolNames, type ToolNamesOptions } from './tool-names.js';
