import { QUICK_JOB_CONTROL, type DemoProcess } from './types.js';

export const returnBaseModel: DemoProcess = {
  id: 'return_base_model',
  title: 'BaseModel Test',
  version: '0.0.0',
  jobControlOptions: QUICK_JOB_CONTROL,
  outputTransmission: ['value'],
  inputs: {
    scene_spec: {
      title: 'Scene Spec',
      minOccurs: 1,
      schema: {
        type: 'object',
        properties: {
          threshold: { type: 'number', title: 'Threshold' },
          factor: { type: 'number', title: 'Factor' },
        },
        required: ['threshold', 'factor'],
      },
    },
  },
  outputs: {
    return_value: {
      title: 'Return Value',
      schema: {
        type: 'object',
        properties: { threshold: { type: 'number' }, factor: { type: 'number' } },
        required: ['threshold', 'factor'],
      },
    },
  },
  async run(inputs) {
    // The official results schema (inlineOrRefData) admits an object only as a
    // qualified value, so the object travels inside {value, mediaType}.
    return { return_value: { value: inputs.scene_spec, mediaType: 'application/json' } };
  },
};
