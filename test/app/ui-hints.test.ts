import { describe, expect, it } from 'vitest';
import { uiHintsOf } from '../../src/app/ui-hints.js';

describe('x-ui hints', () => {
  it('reads the three spellings on the input and on its schema, the input winning', () => {
    const hints = uiHintsOf({
      inputs: {
        a: { schema: { type: 'number', 'x-ui-widget': 'slider', 'x-ui:step': 0.5 }, 'x-ui-order': 3 },
        b: { schema: { type: 'string', 'x-ui': { widget: 'textarea', placeholder: 'text' } }, 'x-ui-widget': 'input', 'x-ui-advanced': true },
        c: { schema: { type: 'array', items: { type: 'number' }, format: 'bbox' } },
        d: { schema: { allOf: [{ format: 'wkt' }, { 'x-ui-widget': 'map' }] }, 'x-uiLevel': 'advanced' },
        e: { schema: { type: 'string' }, 'x-ui-order': 'first', 'x-ui-widget': 7 },
      },
    });
    expect(hints.get('a')).toEqual({ widget: 'slider', step: 0.5, order: 3 });
    expect(hints.get('b')).toEqual({ widget: 'input', placeholder: 'text', advanced: true });
    expect(hints.get('c')).toEqual({ format: 'bbox', widget: 'map' });
    expect(hints.get('d')).toEqual({ widget: 'map', format: 'wkt', advanced: true });
    // Hints of the wrong type are ignored, not passed on.
    expect(hints.get('e')).toEqual({});
  });

  it('reads the older list form of inputs and survives junk', () => {
    expect(uiHintsOf({ inputs: [{ id: 'x', 'x-ui-widget': 'radio' }, 'junk', { noId: true }] }).get('x')).toEqual({ widget: 'radio' });
    expect(uiHintsOf(null).size).toBe(0);
    expect(uiHintsOf({ inputs: 'nope' }).size).toBe(0);
  });
});
