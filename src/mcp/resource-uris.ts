// Job results as MCP resources: ogc-job://{jobId}/results for the whole
// document and ogc-job://{jobId}/results/{outputId} for one output. Ids are
// percent-encoded, so any job or output id round-trips.
export const RESULTS_TEMPLATE = 'ogc-job://{jobId}/results';
export const OUTPUT_TEMPLATE = 'ogc-job://{jobId}/results/{outputId}';

export function resourceUriFor(jobId: string, outputId?: string): string {
  const base = `ogc-job://${encodeURIComponent(jobId)}/results`;
  return outputId === undefined ? base : `${base}/${encodeURIComponent(outputId)}`;
}

export function parseResourceUri(uri: string): { jobId: string; outputId?: string } | undefined {
  const match = /^ogc-job:\/\/([^/?#]+)\/results(?:\/([^/?#]+))?\/?$/.exec(uri);
  if (!match) return undefined;
  try {
    const jobId = decodeURIComponent(match[1]!);
    if (match[2] === undefined) return { jobId };
    return { jobId, outputId: decodeURIComponent(match[2]) };
  } catch {
    return undefined; // malformed percent-encoding
  }
}
