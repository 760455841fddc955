// One job's outputs as a person wants to see them: numbers and JSON values,
// images, links to data, and whatever is geospatial (GeoJSON, bounding boxes,
// WKT, linked GeoJSON) on one map with a legend.
import { isRecord } from '../../src/util/records.js';
import { h } from './dom.js';
import { geometryOf, type FeatureCollection } from './geo.js';
import { createMap, type GeoMap, type MapLayer } from './map.js';

export interface OutputMeta {
  title?: string;
  description?: string;
}

export interface ResultsViewOptions {
  outputs: Record<string, unknown>;
  meta?: Record<string, OutputMeta>;
  /** Layers drawn besides the outputs (the job's bbox input, say). */
  extraLayers?: MapLayer[];
  tileUrl?: string;
  /** Where the page may load a link's data from (the app's proxy); undefined: links are only opened. */
  linkData?(href: string): string | undefined;
  /** How a link is opened (the MCP App asks the host); default: a normal anchor. */
  openLink?(href: string): void;
}

export interface ResultsView {
  element: HTMLElement;
  /** Resolves once linked data has been looked at, with the number of features drawn. */
  ready: Promise<number>;
  destroy(): void;
}

interface LinkValue {
  href: string;
  type?: string;
  title?: string;
}


function asLink(value: unknown): LinkValue | undefined {
  if (isRecord(value) && typeof value.href === 'string' && !('value' in value)) return value as unknown as LinkValue;
  if (typeof value === 'string' && /^(https?|memory|file|s3):\/\//.test(value)) return { href: value };
  return undefined;
}

function imageSource(value: unknown): string | undefined {
  if (!isRecord(value) || typeof value.value !== 'string' || typeof value.mediaType !== 'string') return undefined;
  if (!value.mediaType.startsWith('image/')) return undefined;
  return value.encoding === 'base64' || !value.value.trimStart().startsWith('<') ? `data:${value.mediaType};base64,${value.value}` : undefined;
}

export function renderResults(parent: HTMLElement, options: ResultsViewOptions): ResultsView {
  const element = h('div', { className: 'results' });
  parent.append(element);
  const mapHolder = h('div', { className: 'results__map' });
  const list = h('dl', { className: 'results__list' });
  element.append(mapHolder, list);
  const layers: MapLayer[] = [...(options.extraLayers ?? [])];
  const pending: Promise<void>[] = [];
  let map: GeoMap | undefined;

  for (const [id, value] of Object.entries(options.outputs)) {
    const meta = options.meta?.[id] ?? {};
    const title = meta.title && meta.title !== id ? `${meta.title} (${id})` : id;
    const body = h('dd', { className: 'results__value', dataset: { output: id } });
    list.append(h('dt', {}, title, meta.description ? h('span', { className: 'results__about' }, meta.description) : null), body);

    const geometry = geometryOf(value);
    if (geometry) layers.push({ label: title, data: geometry });
    const image = imageSource(value);
    const link = asLink(value);
    if (image) {
      body.append(h('img', { src: image, alt: `Output ${title}`, className: 'results__image' }));
    } else if (link) {
      body.append(linkElement(link, options));
      const source = options.linkData?.(link.href);
      if (source && (link.type ?? '').startsWith('image/')) {
        body.append(h('img', { src: source, alt: `Output ${title}`, className: 'results__image' }));
      } else if (source && /json/.test(link.type ?? 'json')) {
        // Linked JSON may be GeoJSON: look, and draw it when it is.
        pending.push(
          fetch(source)
            .then((r) => (r.ok && /json/.test(r.headers.get('content-type') ?? '') ? r.json() : undefined))
            .then((data: unknown) => {
              const g = geometryOf(data) as FeatureCollection | undefined;
              if (g && g.features.length > 0) layers.push({ label: `${title} (linked)`, data: g });
            })
            .catch(() => undefined),
        );
      }
    } else if (geometry) {
      body.append(h('details', {}, h('summary', {}, `Geometry: ${geometry.features.length} feature(s) on the map`), h('pre', {}, JSON.stringify(value, null, 2))));
    } else {
      body.append(valueElement(value));
    }
  }
  if (Object.keys(options.outputs).length === 0) list.append(h('dd', {}, 'No outputs.'));

  const ready = Promise.all(pending).then(() => {
    if (layers.length === 0) return 0;
    map = createMap(mapHolder, { label: 'Map of the results', ...(options.tileUrl ? { tileUrl: options.tileUrl } : {}) });
    return map.setLayers(layers);
  });
  return {
    element,
    ready,
    destroy() {
      map?.destroy();
      element.remove();
    },
  };
}

function linkElement(link: LinkValue, options: ResultsViewOptions): HTMLElement {
  const label = `${link.title ?? link.href}${link.type ? ` (${link.type})` : ''}`;
  if (options.openLink) {
    return h('button', { type: 'button', className: 'link-button', onclick: () => options.openLink!(link.href) }, label);
  }
  const safe = /^https?:\/\//.test(link.href);
  return safe ? h('a', { href: link.href, target: '_blank', rel: 'noopener noreferrer' }, label) : h('code', {}, label);
}

function valueElement(value: unknown): HTMLElement {
  if (typeof value === 'number') return h('span', { className: 'results__number' }, formatNumber(value));
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return h('span', {}, String(value));
  if (isRecord(value) && 'value' in value && Object.keys(value).every((k) => ['value', 'mediaType', 'encoding', 'schema'].includes(k))) {
    return valueElement(value.value);
  }
  if (Array.isArray(value) && value.length <= 10 && value.every((v) => typeof v === 'number')) {
    return h('span', { className: 'results__number' }, `[${value.map(formatNumber).join(', ')}]`);
  }
  return h('pre', { className: 'results__json' }, JSON.stringify(value, null, 2));
}

export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return Math.abs(n) >= 1e6 || Number.isInteger(n) ? n.toLocaleString('en') : n.toLocaleString('en', { maximumFractionDigits: 4 });
}
