import { encodeRgbPng } from '../png.js';
import { QUICK_JOB_CONTROL, type DemoProcess } from './types.js';

type Style = 'gradient' | 'checkerboard';

function paint(width: number, height: number, style: Style): Uint8Array {
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      if (style === 'checkerboard') {
        const on = ((x >> 3) + (y >> 3)) % 2 === 0;
        rgb[i] = on ? 30 : 220;
        rgb[i + 1] = on ? 90 : 220;
        rgb[i + 2] = on ? 160 : 220;
      } else {
        rgb[i] = width > 1 ? Math.round((x * 255) / (width - 1)) : 0;
        rgb[i + 1] = height > 1 ? Math.round((y * 255) / (height - 1)) : 0;
        rgb[i + 2] = 128;
      }
    }
  }
  return rgb;
}

export const renderThumbnail: DemoProcess = {
  id: 'render_thumbnail',
  title: 'Thumbnail Renderer',
  description: 'Renders a small PNG thumbnail (a colour gradient or a checkerboard) and returns it inline, base64-encoded.',
  version: '1.0.0',
  jobControlOptions: QUICK_JOB_CONTROL,
  outputTransmission: ['value'],
  inputs: {
    width: { title: 'Width', description: 'Width in pixels.', minOccurs: 0, schema: { type: 'integer', minimum: 1, maximum: 256, default: 64 } },
    height: { title: 'Height', description: 'Height in pixels.', minOccurs: 0, schema: { type: 'integer', minimum: 1, maximum: 256, default: 64 } },
    style: {
      title: 'Style',
      minOccurs: 0,
      schema: { type: 'string', enum: ['gradient', 'checkerboard'], default: 'gradient' },
      'x-ui-widget': 'radio',
    },
  },
  outputs: {
    image: {
      title: 'Thumbnail',
      schema: { type: 'string', contentEncoding: 'base64', contentMediaType: 'image/png' },
    },
  },
  async run(inputs) {
    const width = inputs.width as number;
    const height = inputs.height as number;
    const png = await encodeRgbPng(width, height, paint(width, height, inputs.style as Style));
    return { image: { value: png.toString('base64'), encoding: 'base64', mediaType: 'image/png' } };
  },
};
