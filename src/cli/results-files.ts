// get-job-results --output DIR: each output as a file, decoded when it is
// base64, fetched when it is a link, named after the output with an
// extension from its media type.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isBinaryEncoding, isLinkValue, isQualifiedValue, normalizeBase64, normalizeMediaType, type OgcClient, type Results } from '../ogc/index.js';

export interface WrittenFile {
  output: string;
  path: string;
  mediaType?: string;
  bytes: number;
}

const EXTENSIONS: Record<string, string> = {
  'application/json': '.json',
  'application/geo+json': '.geojson',
  'application/schema+json': '.json',
  'application/xml': '.xml',
  'text/xml': '.xml',
  'application/gml+xml': '.gml',
  'application/yaml': '.yaml',
  'application/x-yaml': '.yaml',
  'text/yaml': '.yaml',
  'text/plain': '.txt',
  'text/csv': '.csv',
  'text/html': '.html',
  'text/markdown': '.md',
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/gif': '.gif',
  'image/webp': '.webp',
  'image/svg+xml': '.svg',
  'image/tiff': '.tif',
  'image/tiff; application=geotiff': '.tif',
  'application/geotiff': '.tif',
  'application/pdf': '.pdf',
  'application/zip': '.zip',
  'application/gzip': '.gz',
  'application/x-netcdf': '.nc',
  'application/netcdf': '.nc',
  'application/x-hdf5': '.h5',
  'application/vnd.apache.parquet': '.parquet',
  'application/zarr': '.zarr',
  'application/octet-stream': '.bin',
};

export function extensionFor(mediaType: string | undefined): string {
  if (mediaType === undefined) return '.bin';
  const known = EXTENSIONS[mediaType];
  if (known) return known;
  if (mediaType.endsWith('+json')) return '.json';
  if (mediaType.endsWith('+xml')) return '.xml';
  if (mediaType.startsWith('text/')) return '.txt';
  return '.bin';
}

/** Output ids may hold anything; file names keep letters, digits, dot, dash and underscore. */
function fileStem(outputId: string): string {
  const stem = outputId.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '_');
  return stem === '' ? 'output' : stem.slice(0, 100);
}

async function contentOf(client: OgcClient, value: unknown): Promise<{ bytes: Buffer; mediaType?: string }> {
  if (isLinkValue(value)) {
    const fetched = await client.fetchLink(value.href);
    const mediaType = normalizeMediaType(fetched.contentType) ?? normalizeMediaType(value.type);
    return { bytes: fetched.body, ...(mediaType ? { mediaType } : {}) };
  }
  if (isQualifiedValue(value)) {
    const q = value as Record<string, unknown>;
    const format = (typeof q.format === 'object' && q.format !== null ? q.format : {}) as Record<string, unknown>;
    const mediaType = normalizeMediaType(q.mediaType ?? format.mediaType);
    const encoding = q.encoding ?? format.encoding;
    if (typeof q.value === 'string') {
      const base64 = isBinaryEncoding(encoding) ? normalizeBase64(q.value) : undefined;
      if (base64 !== undefined) return { bytes: Buffer.from(base64, 'base64'), ...(mediaType ? { mediaType } : {}) };
      return { bytes: Buffer.from(q.value, 'utf8'), mediaType: mediaType ?? 'text/plain' };
    }
    return { bytes: Buffer.from(`${JSON.stringify(q.value, null, 2)}\n`), mediaType: mediaType ?? 'application/json' };
  }
  if (typeof value === 'string') return { bytes: Buffer.from(value, 'utf8'), mediaType: 'text/plain' };
  return { bytes: Buffer.from(`${JSON.stringify(value, null, 2)}\n`), mediaType: 'application/json' };
}

export async function writeResultFiles(client: OgcClient, results: Results, dir: string): Promise<WrittenFile[]> {
  await mkdir(dir, { recursive: true });
  const written: WrittenFile[] = [];
  const taken = new Set<string>();
  for (const [output, value] of Object.entries(results)) {
    const { bytes, mediaType } = await contentOf(client, value);
    let name = `${fileStem(output)}${extensionFor(mediaType)}`;
    for (let n = 2; taken.has(name); n++) name = `${fileStem(output)}_${n}${extensionFor(mediaType)}`;
    taken.add(name);
    const file = path.join(dir, name);
    await writeFile(file, bytes);
    written.push({ output, path: file, ...(mediaType ? { mediaType } : {}), bytes: bytes.length });
  }
  return written;
}
