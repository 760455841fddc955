// One form field per input, chosen from its derived schema and x-ui hints:
// a box on a map, choices, switches, numbers and sliders, dates, text,
// delimited lists, JSON, and value-or-link. Each field reads back the value
// to send, or nothing for an optional input left empty.
import { h, uid } from '../shared/dom.js';
import { boxToWkt, wktToGeometry } from '../shared/geo.js';
import { createMap, type GeoMap } from '../shared/map.js';
import type { FormInput, Schema } from './form-types.js';

export type Read = { value?: unknown; error?: string };

export interface Field {
  input: FormInput;
  element: HTMLElement;
  read(): Read;
  /** Sets the value from JSON (a request loaded back); false when the field cannot show it. */
  destroy?(): void;
  refresh?(): void;
}

export interface FieldContext {
  tileUrl?: string;
  changed(): void;
}

const typeOf = (s: Schema): string | undefined => (Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type);

/** The value schema of an input whose derived schema is "value or link". */
function valueBranch(input: FormInput): Schema {
  const alts = input.schema.anyOf ?? input.schema.oneOf;
  if (!alts) return input.schema;
  const value = alts.find((a) => !(a.properties && 'href' in a.properties && a.required?.includes('href')));
  return value ?? input.schema;
}

export function createField(input: FormInput, ctx: FieldContext): Field {
  const schema = valueBranch(input);
  const widget = input.ui.widget;
  const t = typeOf(schema);
  if (widget === 'map' || input.kind === 'bbox' || input.ui.format === 'bbox') {
    if (input.kind === 'bbox' || schema.properties?.bbox) return boxField(input, ctx, 'ogc');
    if (t === 'array') return boxField(input, ctx, 'array');
    if (t === 'string') return boxField(input, ctx, 'wkt');
  }
  if (input.acceptsReference) return valueOrLinkField(input, schema, ctx);
  if (input.multiple || t === 'array') {
    const items = t === 'array' ? schema.items ?? {} : schema;
    if (['string', 'number', 'integer', 'boolean'].includes(typeOf(items) ?? '')) return listField(input, schema, items, ctx);
    return jsonField(input, schema, ctx);
  }
  if (schema.enum) return choiceField(input, schema, ctx);
  if (t === 'boolean') return booleanField(input, schema, ctx);
  if (t === 'number' || t === 'integer') return numberField(input, schema, ctx);
  if (t === 'string') return textField(input, schema, ctx);
  return jsonField(input, schema, ctx);
}

/** Label, hint and the control, with the ids that tie them together. */
function frame(input: FormInput, control: HTMLElement, controlId: string, extra?: HTMLElement): HTMLElement {
  const hintId = `${controlId}-hint`;
  if (input.description) control.setAttribute('aria-describedby', hintId);
  if (input.required) control.setAttribute('aria-required', 'true');
  return h(
    'div',
    { className: 'field', dataset: { input: input.name } },
    h('label', { for: controlId }, input.title, input.required ? h('span', { className: 'required', 'aria-hidden': 'true' }, ' *') : null),
    control,
    extra,
    input.description ? h('p', { className: 'hint', id: hintId }, input.description) : null,
  );
}

/** A group of controls under a legend (boxes, radio choices). */
function group(input: FormInput, ...children: (HTMLElement | null)[]): HTMLElement {
  const hintId = uid('hint');
  return h(
    'fieldset',
    { className: 'field field--group', dataset: { input: input.name }, 'aria-describedby': input.description ? hintId : undefined },
    h('legend', {}, input.title, input.required ? h('span', { className: 'required', 'aria-hidden': 'true' }, ' *') : null),
    ...children,
    input.description ? h('p', { className: 'hint', id: hintId }, input.description) : null,
  );
}

function emptyOptional(input: FormInput): Read {
  return input.required ? { error: `${input.title} is required` } : {};
}

function textField(input: FormInput, schema: Schema, ctx: FieldContext): Field {
  const id = uid('f');
  const format = schema.format ?? input.ui.format;
  const multiline = input.ui.widget === 'textarea';
  const kind = format === 'date' ? 'date' : format === 'date-time' ? 'datetime-local' : format === 'time' ? 'time' : format === 'password' ? 'password' : format === 'uri' ? 'url' : 'text';
  const control = multiline ? h('textarea', { id, rows: 4 }) : h('input', { id, type: kind });
  if (input.ui.placeholder) control.setAttribute('placeholder', input.ui.placeholder);
  if (schema.minLength !== undefined) control.setAttribute('minlength', String(schema.minLength));
  if (schema.maxLength !== undefined) control.setAttribute('maxlength', String(schema.maxLength));
  if (typeof schema.default === 'string') control.value = kind === 'datetime-local' ? schema.default.slice(0, 16) : schema.default;
  control.addEventListener('input', ctx.changed);
  return {
    input,
    element: frame(input, control, id),
    read() {
      const v = control.value;
      if (v === '') return emptyOptional(input);
      return { value: kind === 'datetime-local' ? new Date(v).toISOString() : v };
    },
  };
}

function numberField(input: FormInput, schema: Schema, ctx: FieldContext): Field {
  const id = uid('f');
  const integer = typeOf(schema) === 'integer';
  const min = input.ui.minimum ?? schema.minimum;
  const max = input.ui.maximum ?? schema.maximum;
  const step = input.ui.step ?? (integer ? 1 : 'any');
  const control = h('input', { id, type: 'number', step: String(step), min: min === undefined ? undefined : String(min), max: max === undefined ? undefined : String(max) });
  if (typeof schema.default === 'number') control.value = String(schema.default);
  let extra: HTMLElement | undefined;
  if (input.ui.widget === 'slider' && min !== undefined && max !== undefined) {
    const slider = h('input', { type: 'range', min: String(min), max: String(max), step: String(step), 'aria-label': `${input.title} slider` });
    slider.value = control.value || String(min);
    slider.addEventListener('input', () => {
      control.value = slider.value;
      ctx.changed();
    });
    control.addEventListener('input', () => (slider.value = control.value));
    extra = slider;
  }
  control.addEventListener('input', ctx.changed);
  return {
    input,
    element: frame(input, control, id, extra),
    read() {
      if (control.value.trim() === '') return emptyOptional(input);
      const n = Number(control.value);
      if (!Number.isFinite(n)) return { error: `${input.title} must be a number` };
      return { value: integer ? Math.trunc(n) : n };
    },
  };
}

function booleanField(input: FormInput, schema: Schema, ctx: FieldContext): Field {
  const id = uid('f');
  if (!input.required && schema.default === undefined) {
    // Unset, true or false: an optional switch without a default must be able to say nothing.
    const control = h('select', { id }, h('option', { value: '' }, '(not set)'), h('option', { value: 'true' }, 'true'), h('option', { value: 'false' }, 'false'));
    control.addEventListener('change', ctx.changed);
    return { input, element: frame(input, control, id), read: () => (control.value === '' ? {} : { value: control.value === 'true' }) };
  }
  const control = h('input', { id, type: 'checkbox', role: 'switch' });
  control.checked = schema.default === true;
  control.addEventListener('change', ctx.changed);
  return { input, element: frame(input, control, id), read: () => ({ value: control.checked }) };
}

function choiceField(input: FormInput, schema: Schema, ctx: FieldContext): Field {
  const values = schema.enum ?? [];
  const label = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
  if (input.ui.widget === 'radio' || input.ui.widget === 'button') {
    const name = uid('radio');
    const radios = values.map((v, i) => {
      const id = `${name}-${i}`;
      const radio = h('input', { type: 'radio', name, id, value: String(i) });
      radio.checked = schema.default !== undefined && JSON.stringify(schema.default) === JSON.stringify(v);
      radio.addEventListener('change', ctx.changed);
      return { radio, element: h('span', { className: 'choice' }, radio, h('label', { for: id }, label(v))) };
    });
    const none = !input.required ? (() => {
      const id = `${name}-none`;
      const radio = h('input', { type: 'radio', name, id, value: '' });
      radio.checked = !radios.some((r) => r.radio.checked);
      radio.addEventListener('change', ctx.changed);
      return h('span', { className: 'choice' }, radio, h('label', { for: id }, '(not set)'));
    })() : null;
    return {
      input,
      element: group(input, h('div', { className: 'choices', role: 'radiogroup' }, ...radios.map((r) => r.element), none)),
      read() {
        const chosen = radios.findIndex((r) => r.radio.checked);
        return chosen < 0 ? emptyOptional(input) : { value: values[chosen] };
      },
    };
  }
  const id = uid('f');
  const control = h('select', { id }, input.required && schema.default !== undefined ? null : h('option', { value: '' }, '(not set)'), ...values.map((v, i) => h('option', { value: String(i) }, label(v))));
  const at = values.findIndex((v) => JSON.stringify(v) === JSON.stringify(schema.default));
  control.value = at >= 0 ? String(at) : '';
  control.addEventListener('change', ctx.changed);
  return { input, element: frame(input, control, id), read: () => (control.value === '' ? emptyOptional(input) : { value: values[Number(control.value)] }) };
}

function listField(input: FormInput, schema: Schema, items: Schema, ctx: FieldContext): Field {
  const id = uid('f');
  const separator = input.ui.separator ?? ',';
  const control = h('input', { id, type: 'text', placeholder: input.ui.placeholder ?? `values separated by "${separator}"` });
  if (Array.isArray(schema.default)) control.value = schema.default.map(String).join(`${separator} `);
  control.addEventListener('input', ctx.changed);
  const itemType = typeOf(items);
  return {
    input,
    element: frame(input, control, id),
    read() {
      if (control.value.trim() === '') return emptyOptional(input);
      const parts = control.value.split(separator).map((s) => s.trim()).filter((s) => s !== '');
      if (itemType === 'string') return { value: parts };
      if (itemType === 'boolean') return { value: parts.map((p) => p === 'true') };
      const numbers = parts.map(Number);
      if (numbers.some((n) => !Number.isFinite(n))) return { error: `${input.title}: every item must be a number` };
      return { value: itemType === 'integer' ? numbers.map(Math.trunc) : numbers };
    },
  };
}

function jsonField(input: FormInput, schema: Schema, ctx: FieldContext): Field {
  const id = uid('f');
  const control = h('textarea', { id, rows: 5, spellcheck: false, className: 'json', placeholder: 'JSON' });
  if (schema.default !== undefined) control.value = JSON.stringify(schema.default, null, 2);
  control.addEventListener('input', ctx.changed);
  return {
    input,
    element: frame(input, control, id),
    read() {
      if (control.value.trim() === '') return emptyOptional(input);
      try {
        return { value: JSON.parse(control.value) as unknown };
      } catch {
        return { error: `${input.title} is not valid JSON` };
      }
    },
  };
}

/** A value, or a link the OGC server fetches the value from. */
function valueOrLinkField(input: FormInput, schema: Schema, ctx: FieldContext): Field {
  const inner = typeOf(schema) === 'object' || !typeOf(schema) ? jsonField({ ...input, acceptsReference: false }, schema, ctx) : createField({ ...input, acceptsReference: false, schema }, ctx);
  const name = uid('mode');
  const href = h('input', { type: 'url', id: `${name}-href`, placeholder: 'https://…' });
  const mediaType = h('input', { type: 'text', id: `${name}-type`, placeholder: 'media type (optional)' });
  const linkBox = h('div', { className: 'link-inputs', hidden: true }, h('label', { for: href.id }, 'URL of the value'), href, h('label', { for: mediaType.id }, 'Media type'), mediaType);
  const valueRadio = h('input', { type: 'radio', name, id: `${name}-v`, checked: true });
  const linkRadio = h('input', { type: 'radio', name, id: `${name}-l` });
  const sync = () => {
    linkBox.hidden = !linkRadio.checked;
    inner.element.hidden = linkRadio.checked;
    ctx.changed();
  };
  valueRadio.addEventListener('change', sync);
  linkRadio.addEventListener('change', sync);
  for (const c of [href, mediaType]) c.addEventListener('input', ctx.changed);
  const element = group(
    input,
    h('div', { className: 'choices', role: 'radiogroup', 'aria-label': `${input.title}: value or link` },
      h('span', { className: 'choice' }, valueRadio, h('label', { for: valueRadio.id }, 'Value')),
      h('span', { className: 'choice' }, linkRadio, h('label', { for: linkRadio.id }, 'Link'))),
    inner.element,
    linkBox,
  );
  return {
    input,
    element,
    read() {
      if (!linkRadio.checked) return inner.read();
      if (href.value.trim() === '') return emptyOptional(input);
      return { value: { href: href.value.trim(), ...(mediaType.value.trim() ? { type: mediaType.value.trim() } : {}) } };
    },
  };
}

const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';

/** A bounding box: four labelled numbers, and a map to draw it on. */
function boxField(input: FormInput, ctx: FieldContext, shape: 'ogc' | 'array' | 'wkt'): Field {
  const names = ['West (min lon)', 'South (min lat)', 'East (max lon)', 'North (max lat)'];
  const numbers = names.map((label) => {
    const id = uid('box');
    const control = h('input', { id, type: 'number', step: 'any', min: label.includes('lat') ? '-90' : '-180', max: label.includes('lat') ? '90' : '180' });
    return { control, element: h('span', { className: 'box-number' }, h('label', { for: id }, label), control) };
  });
  const wktId = uid('wkt');
  const wkt = shape === 'wkt' ? h('textarea', { id: wktId, rows: 2, className: 'json', placeholder: 'WKT, e.g. POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))' }) : undefined;
  const schema = input.schema;
  const initial = shape === 'ogc' ? (schema.default as { bbox?: number[] } | undefined)?.bbox : Array.isArray(schema.default) ? (schema.default as number[]) : undefined;
  const setNumbers = (box: readonly number[] | undefined) => numbers.forEach((n, i) => (n.control.value = box?.[i] === undefined ? '' : String(box[i])));
  setNumbers(initial);
  if (wkt && typeof schema.default === 'string') wkt.value = schema.default;

  const mapHolder = h('div', { className: 'box-map' });
  let map: GeoMap | undefined;
  const currentBox = (): number[] | undefined => {
    const values = numbers.map((n) => n.control.value.trim());
    if (values.some((v) => v === '')) return undefined;
    const box = values.map(Number);
    return box.every(Number.isFinite) ? box : undefined;
  };
  const redraw = () => {
    if (!map) return;
    map.setBox(currentBox());
    if (wkt) {
      const g = wktToGeometry(wkt.value);
      map.setLayers(g ? [{ label: input.title, data: { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: g, properties: null }] } }] : []);
    }
  };
  for (const n of numbers) {
    n.control.addEventListener('input', () => {
      if (wkt) {
        const box = currentBox();
        if (box) wkt.value = boxToWkt(box);
      }
      redraw();
      ctx.changed();
    });
  }
  wkt?.addEventListener('input', () => {
    redraw();
    ctx.changed();
  });
  const clear = h('button', { type: 'button', className: 'secondary', onclick: () => {
    setNumbers(undefined);
    if (wkt) wkt.value = '';
    redraw();
    ctx.changed();
  } }, 'Clear box');

  const element = group(
    input,
    h('div', { className: 'box-numbers' }, ...numbers.map((n) => n.element), clear),
    wkt ? h('div', { className: 'field' }, h('label', { for: wktId }, 'Geometry as WKT'), wkt) : null,
    mapHolder,
  );
  // The map is made once the field is in the page (Leaflet measures its container).
  queueMicrotask(() => {
    map = createMap(mapHolder, { label: `Map for ${input.title}: use Draw box, then drag`, height: '260px', ...(ctx.tileUrl ? { tileUrl: ctx.tileUrl } : {}) });
    map.enableBoxDrawing({
      onBox(box) {
        setNumbers(box);
        if (wkt) wkt.value = boxToWkt(box);
        redraw();
        ctx.changed();
      },
    });
    redraw();
  });
  return {
    input,
    element,
    refresh: () => map?.refresh(),
    destroy: () => map?.destroy(),
    read() {
      if (wkt) return wkt.value.trim() === '' ? emptyOptional(input) : { value: wkt.value.trim() };
      const box = currentBox();
      if (!box) {
        if (numbers.every((n) => n.control.value.trim() === '')) return emptyOptional(input);
        return { error: `${input.title}: give all four numbers, or draw the box on the map` };
      }
      return { value: shape === 'ogc' ? { bbox: box, crs: CRS84 } : box };
    },
  };
}
