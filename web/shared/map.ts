// The map of the app and of the MCP App: Leaflet, bundled (no CDN). Without a
// basemap tile URL it draws on a plain background with a graticule, so it
// works offline; layers are GeoJSON with a colour each and a legend; a box
// can be drawn by dragging (the form's number fields are the keyboard way).
import L from 'leaflet';
import type { FeatureCollection } from './geo.js';

export interface MapLayer {
  label: string;
  data: FeatureCollection;
}

export interface BoxDrawing {
  /** Called with [west, south, east, north] when a drag ends. */
  onBox(box: [number, number, number, number]): void;
}

export interface GeoMap {
  element: HTMLElement;
  /** Replaces the drawn layers; returns how many features were drawn. */
  setLayers(layers: MapLayer[]): number;
  /** Shows a box (the value of a bbox field); undefined removes it. */
  setBox(box: readonly number[] | undefined): void;
  enableBoxDrawing(drawing: BoxDrawing): void;
  refresh(): void;
  destroy(): void;
}

export const LAYER_COLOURS = ['#d62728', '#1f77b4', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2'];

export interface MapOptions {
  tileUrl?: string;
  /** Accessible name of the map region. */
  label: string;
  height?: string;
}

export function createMap(parent: HTMLElement, options: MapOptions): GeoMap {
  const element = document.createElement('div');
  element.className = 'geo-map';
  element.style.height = options.height ?? '320px';
  element.setAttribute('role', 'region');
  element.setAttribute('aria-label', options.label);
  parent.append(element);
  const map = L.map(element, { worldCopyJump: false, zoomSnap: 0.25, attributionControl: Boolean(options.tileUrl), keyboard: true });
  map.fitBounds([[-60, -170], [75, 170]]);
  if (options.tileUrl) {
    L.tileLayer(options.tileUrl, { maxZoom: 19, attribution: 'Basemap: configured tile server' }).addTo(map);
  } else {
    element.classList.add('geo-map--plain');
    const lines = L.layerGroup().addTo(map);
    const redraw = () => drawGraticule(lines, map);
    map.on('zoomend moveend', redraw);
    redraw();
  }
  const layers = L.layerGroup().addTo(map);
  const legend = new Legend({ position: 'bottomright' });
  legend.addTo(map);
  let box: L.Rectangle | undefined;

  const api: GeoMap = {
    element,
    setLayers(list) {
      layers.clearLayers();
      let count = 0;
      const bounds = L.latLngBounds([]);
      list.forEach((layer, index) => {
        const colour = LAYER_COLOURS[index % LAYER_COLOURS.length]!;
        const drawn = L.geoJSON(layer.data as never, {
          style: () => ({ color: colour, weight: 2, fillOpacity: 0.2, className: 'geo-feature' }),
          pointToLayer: (_f, latlng) => L.circleMarker(latlng, { radius: 6, color: colour, fillOpacity: 0.7, className: 'geo-feature' }),
          onEachFeature: (feature, featureLayer) => {
            count++;
            const props = feature.properties as Record<string, unknown> | null;
            featureLayer.bindTooltip(`${layer.label}${props && Object.keys(props).length > 0 ? `: ${JSON.stringify(props).slice(0, 200)}` : ''}`);
          },
        });
        drawn.addTo(layers);
        const b = drawn.getBounds();
        if (b.isValid()) bounds.extend(b);
      });
      legend.show(list.map((l, i) => ({ label: l.label, colour: LAYER_COLOURS[i % LAYER_COLOURS.length]!, count: l.data.features.length })));
      element.dataset.features = String(count);
      if (bounds.isValid()) map.fitBounds(bounds.pad(0.3), { maxZoom: 8 });
      return count;
    },
    setBox(value) {
      box?.remove();
      box = undefined;
      if (!value || value.length < 4 || value.some((n) => !Number.isFinite(n))) return;
      const [w, s, e, n] = value.length === 6 ? [value[0]!, value[1]!, value[3]!, value[4]!] : [value[0]!, value[1]!, value[2]!, value[3]!];
      box = L.rectangle([[s, w], [n, e]], { color: '#d62728', weight: 2, fillOpacity: 0.15, className: 'geo-box' }).addTo(map);
      element.dataset.box = [w, s, e, n].join(',');
    },
    enableBoxDrawing(drawing) {
      let start: L.LatLng | undefined;
      let preview: L.Rectangle | undefined;
      const toggle = L.DomUtil.create('button', 'geo-draw-toggle');
      toggle.type = 'button';
      toggle.textContent = 'Draw box';
      toggle.setAttribute('aria-pressed', 'false');
      toggle.title = 'Then drag on the map to draw a bounding box';
      const control = new L.Control({ position: 'topright' });
      control.onAdd = () => {
        L.DomEvent.disableClickPropagation(toggle);
        return toggle;
      };
      control.addTo(map);
      const setDrawing = (on: boolean) => {
        toggle.setAttribute('aria-pressed', String(on));
        element.classList.toggle('geo-map--drawing', on);
        if (on) map.dragging.disable();
        else map.dragging.enable();
      };
      toggle.addEventListener('click', () => setDrawing(toggle.getAttribute('aria-pressed') !== 'true'));
      map.on('mousedown', (e: L.LeafletMouseEvent) => {
        if (toggle.getAttribute('aria-pressed') !== 'true') return;
        start = e.latlng;
      });
      map.on('mousemove', (e: L.LeafletMouseEvent) => {
        if (!start) return;
        const b = L.latLngBounds(start, e.latlng);
        if (preview) preview.setBounds(b);
        else preview = L.rectangle(b, { color: '#555', dashArray: '4', weight: 1, fillOpacity: 0.05 }).addTo(map);
      });
      map.on('mouseup', (e: L.LeafletMouseEvent) => {
        if (!start) return;
        const b = L.latLngBounds(start, e.latlng);
        start = undefined;
        preview?.remove();
        preview = undefined;
        setDrawing(false);
        const round = (n: number) => Math.round(n * 1e4) / 1e4;
        const clampLat = (n: number) => Math.max(-90, Math.min(90, n));
        const clampLon = (n: number) => Math.max(-180, Math.min(180, n));
        drawing.onBox([round(clampLon(b.getWest())), round(clampLat(b.getSouth())), round(clampLon(b.getEast())), round(clampLat(b.getNorth()))]);
      });
    },
    refresh() {
      map.invalidateSize();
    },
    destroy() {
      map.remove();
      element.remove();
    },
  };
  return api;
}

// Graticule spacing by zoom level: wide steps for the world, finer ones close in.
const GRATICULE_STEPS = [30, 30, 30, 10, 10, 5, 2, 1, 0.5, 0.25, 0.1];

/** Meridians and parallels over the visible area, spaced for the zoom level. */
function drawGraticule(group: L.LayerGroup, map: L.Map): void {
  group.clearLayers();
  const step = GRATICULE_STEPS[Math.min(GRATICULE_STEPS.length - 1, Math.max(0, Math.floor(map.getZoom())))]!;
  const b = map.getBounds();
  const south = Math.max(-85, b.getSouth());
  const north = Math.min(85, b.getNorth());
  const west = Math.max(-180, b.getWest());
  const east = Math.min(180, b.getEast());
  const style = { color: '#8aa', weight: 0.6, opacity: 0.8, interactive: false };
  for (let lon = Math.ceil(west / step) * step; lon <= east; lon += step) {
    group.addLayer(L.polyline([[south, lon], [north, lon]], { ...style, weight: lon === 0 ? 1.2 : 0.6 }));
  }
  for (let lat = Math.ceil(south / step) * step; lat <= north; lat += step) {
    group.addLayer(L.polyline([[lat, west], [lat, east]], { ...style, weight: lat === 0 ? 1.2 : 0.6 }));
  }
}

interface LegendEntry {
  label: string;
  colour: string;
  count: number;
}

class Legend extends L.Control {
  private readonly box = L.DomUtil.create('div', 'geo-legend');

  override onAdd(): HTMLElement {
    this.box.setAttribute('aria-label', 'Legend');
    this.box.hidden = true;
    return this.box;
  }

  show(entries: LegendEntry[]): void {
    this.box.replaceChildren();
    this.box.hidden = entries.length === 0;
    const list = document.createElement('ul');
    for (const entry of entries) {
      const item = document.createElement('li');
      const swatch = document.createElement('span');
      swatch.className = 'geo-legend__swatch';
      swatch.style.background = entry.colour;
      item.append(swatch, `${entry.label} (${entry.count} feature${entry.count === 1 ? '' : 's'})`);
      list.append(item);
    }
    this.box.append(list);
  }
}
