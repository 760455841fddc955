// The two editions of OGC API - Processes - Part 1 the demo server speaks.
// 1.0 is the published standard; 2.0 (in public comment) renames the job id
// of status documents to `id`, adds `processingEntityType`, a `wait`
// preference, `Link: rel=monitor` on synchronous results, minimal results by
// reference and one output at `/jobs/{id}/results/{outputId}`.
export type ApiVersion = '1.0' | '2.0';

export const API_VERSIONS: readonly ApiVersion[] = ['1.0', '2.0'];

const CONFORMANCE_CLASSES = ['core', 'ogc-process-description', 'json', 'job-list', 'dismiss', 'oas30'];

export function conformanceUris(version: ApiVersion): string[] {
  return CONFORMANCE_CLASSES.map((c) => `http://www.opengis.net/spec/ogcapi-processes-1/${version}/conf/${c}`);
}
