// Tool arguments -> the OGC execute request.
export { type ExecuteRequestOptions, argumentsFromInputIds, toExecuteRequest } from './execute-request.js';
