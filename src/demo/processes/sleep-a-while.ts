import { setTimeout as delay } from 'node:timers/promises';
import { ASYNC_JOB_CONTROL, type DemoProcess } from './types.js';

/** The reference test server's long-running process: 101 steps, cancellable at each one. */
export const sleepAWhile: DemoProcess = {
  id: 'sleep_a_while',
  title: 'Sleep Processor',
  description:
    'Sleeps for `duration` seconds. Fails on purpose if `fail` is `True`. Returns the effective amount of sleep in seconds.',
  version: '0.0.0',
  jobControlOptions: ASYNC_JOB_CONTROL,
  outputTransmission: ['value'],
  inputs: {
    duration: { title: 'Duration', minOccurs: 0, schema: { type: 'number', default: 10 } },
    fail: { title: 'Fail', minOccurs: 0, schema: { type: 'boolean', default: false } },
  },
  outputs: {
    return_value: { title: 'Return Value', schema: { type: 'number' } },
  },
  async run(inputs, ctx) {
    const duration = Math.max(0, inputs.duration as number);
    const fail = inputs.fail as boolean;
    const stepMs = (duration * 1000) / 100;
    const start = performance.now();
    for (let i = 0; i <= 100; i++) {
      ctx.reportProgress(i);
      if (fail && i === 50) throw new Error('Woke up too early');
      await delay(stepMs, undefined, { signal: ctx.signal });
    }
    return { return_value: (performance.now() - start) / 1000 };
  },
};
