import { QUICK_JOB_CONTROL, type DemoProcess } from './types.js';

type Step = (value: string) => string;

// The reference workflow's steps, run in order: main -> read -> preprocess -> feature -> resample -> store.
const readData: Step = (id) => `${id}_read`;
const preprocessData: Step = (v) => `${v}_preprocessed`;
const featureEngineering: Step = (v) => `${v}_feature_mean`;

export const processPipeline: DemoProcess = {
  id: 'process_pipeline',
  title: 'A Big Workflow',
  description:
    'This is a workflow with several steps and defined dependencies that execute sequentially.',
  version: '0.0.0',
  jobControlOptions: QUICK_JOB_CONTROL,
  outputTransmission: ['value'],
  inputs: {
    id: { title: 'main input', minOccurs: 1, schema: { type: 'string' } },
  },
  outputs: {
    final: {
      title: 'Final output',
      schema: {
        type: 'array',
        minItems: 2,
        maxItems: 2,
        items: {
          oneOf: [
            { type: 'array', items: { type: 'string' }, minItems: 2, maxItems: 2 },
            { type: 'string' },
          ],
        },
      },
    },
  },
  async run(inputs) {
    const id = inputs.id as string;
    const feature = featureEngineering(preprocessData(readData(id)));
    const resampled = [feature, `resampled_from=${id}`];
    const stored = feature;
    return { final: [resampled, stored] };
  },
};
