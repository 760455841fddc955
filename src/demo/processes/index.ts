import { bboxArea } from './bbox-area.js';
import { echoLarge } from './echo-large.js';
import { l3bAoiIndicators } from './l3b-aoi-indicators.js';
import { primesBetween } from './primes-between.js';
import { processPipeline } from './process-pipeline.js';
import { renderThumbnail } from './render-thumbnail.js';
import { returnBaseModel } from './return-base-model.js';
import { simulateScene } from './simulate-scene.js';
import { sleepAWhile } from './sleep-a-while.js';
import { catalogueProcesses } from './catalogue/index.js';
import { syntheticProcesses } from './synthetic.js';
import type { DemoProcess, JobControlOption } from './types.js';

/** The reference test service's processes in its order, then the demo's own. */
export const BUILTIN_PROCESSES: readonly DemoProcess[] = [
  sleepAWhile,
  primesBetween,
  simulateScene,
  returnBaseModel,
  processPipeline,
  l3bAoiIndicators,
  renderThumbnail,
  bboxArea,
  echoLarge,
];

export function demoProcesses(syntheticCount = 0, syntheticJobControl?: JobControlOption[], catalogueCount = 0): DemoProcess[] {
  return [...BUILTIN_PROCESSES, ...catalogueProcesses(catalogueCount), ...syntheticProcesses(syntheticCount, syntheticJobControl)];
}

export type * from './types.js';
