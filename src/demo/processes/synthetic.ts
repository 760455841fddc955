import { QUICK_JOB_CONTROL, type DemoProcess, type JobControlOption } from './types.js';

/** Many small, distinct processes, so that start-up and listing can be measured at scale. */
export function syntheticProcesses(count: number, jobControlOptions: JobControlOption[] = QUICK_JOB_CONTROL): DemoProcess[] {
  const width = Math.max(4, String(count).length);
  const processes: DemoProcess[] = [];
  for (let n = 1; n <= count; n++) {
    const id = `synthetic_${String(n).padStart(width, '0')}`;
    processes.push({
      id,
      title: `Synthetic process ${n}`,
      description: `Synthetic quick process number ${n}: multiplies \`count\` by \`scale\` and labels the result.`,
      version: '1.0.0',
      keywords: ['synthetic'],
      jobControlOptions,
      outputTransmission: ['value'],
      inputs: {
        count: { title: 'Count', minOccurs: 0, schema: { type: 'integer', minimum: 0, maximum: 1000, default: 1 } },
        scale: { title: 'Scale', minOccurs: 0, schema: { type: 'number', default: 1.5 } },
        label: { title: 'Label', minOccurs: 0, schema: { type: 'string', maxLength: 64, default: 'item' } },
        mode: { title: 'Mode', minOccurs: 0, schema: { type: 'string', enum: ['fast', 'exact'], default: 'fast' } },
        verbose: { title: 'Verbose', minOccurs: 0, schema: { type: 'boolean', default: false } },
      },
      outputs: {
        return_value: { title: 'Return Value', schema: { type: 'string' } },
      },
      async run(inputs) {
        const product = (inputs.count as number) * (inputs.scale as number);
        return { return_value: `${inputs.label as string}: ${product} (${inputs.mode as string}, ${id})` };
      },
    });
  }
  return processes;
}
