import { QUICK_JOB_CONTROL, type DemoProcess } from './types.js';

const MIB = 1024 * 1024;
// Spaces keep the text from ever looking like base64, which an official-schema check would misread.
const LINE = 'ogc-processes-mcp demo payload: lorem ipsum dolor sit amet. ';

/** About `sizeMb` MiB of ASCII text, built by doubling rather than by appending chars. */
export function largeText(sizeMb: number): string {
  const length = Math.round(sizeMb * MIB);
  if (length === 0) return '';
  return LINE.repeat(Math.ceil(length / LINE.length)).slice(0, length);
}

export const echoLarge: DemoProcess = {
  id: 'echo_large',
  title: 'Large Output Generator',
  description: 'Returns a text output of about `size_mb` mebibytes, to exercise result size limits.',
  version: '1.0.0',
  jobControlOptions: QUICK_JOB_CONTROL,
  outputTransmission: ['value'],
  inputs: {
    size_mb: {
      title: 'Size (MiB)',
      minOccurs: 0,
      schema: { type: 'number', minimum: 0, maximum: 100, default: 1 },
    },
  },
  outputs: {
    return_value: { title: 'Return Value', schema: { type: 'string', contentMediaType: 'text/plain' } },
  },
  async run(inputs) {
    return { return_value: largeText(inputs.size_mb as number) };
  },
};
