// Weaver 6.15's discovery documents, in its shapes with the project's own
// processes: the landing page, the conformance declaration (Part 1 1.0 and
// 2.0 classes side by side, Part 2 deploy), the process list (summaries with
// page and total) and flat process descriptions with `jobControlOptions`,
// `outputTransmission`, `version`, `mutable`, `visibility` and links.
import { ORIGIN_PLACEHOLDER as O } from './recording.js';

const P1 = 'http://www.opengis.net/spec/ogcapi-processes-1/1.0';
const P1V2 = 'http://www.opengis.net/spec/ogcapi-processes-1/2.0';
const P2 = 'http://www.opengis.net/spec/ogcapi-processes-2/1.0';
const PROCESSES_REL = 'http://www.opengis.net/def/rel/ogc/1.0/processes';
const EXECUTE_REL = 'http://www.opengis.net/def/rel/ogc/1.0/execute';

export function weaverConformance(): unknown {
  const core1 = ['core', 'core/job-op', 'core/job-results', 'core/job-results-exception-results-not-ready', 'core/job-results-failed', 'core/process-execute-auto-execution-mode', 'core/process-execute-success-async', 'core/process-execute-sync-one', 'core/process-list', 'core/process-description'];
  return {
    conformsTo: [
      'http://www.opengis.net/spec/ogcapi-common-1/1.0/conf/core',
      `${P1V2}/conf/core`,
      ...core1.map((c) => `${P1}/conf/${c}`),
      `${P1V2}/conf/dismiss`,
      `${P1}/conf/dismiss`,
      `${P1V2}/conf/job-list`,
      `${P1}/conf/job-list`,
      `${P1V2}/conf/json`,
      `${P1}/conf/json`,
      `${P1V2}/conf/oas30`,
      `${P1}/conf/oas30`,
      `${P1V2}/conf/ogc-process-description`,
      `${P1}/conf/ogc-process-description`,
      `${P1V2}/per/core/process-execute-sync-one-result`,
      `${P1V2}/per/core/job-results-exception-job-gone`,
      `${P2}/conf/deploy-replace-undeploy`,
      `${P2}/conf/ogcapppkg`,
      `${P2}/conf/cwl`,
    ],
  };
}

export function weaverLanding(): unknown {
  return {
    title: 'Weaver (reconstructed)',
    description: 'A replay of the shapes of a Weaver instance.',
    attribution: 'ogc-processes-mcp tests',
    links: [
      { href: O, rel: 'self', type: 'application/json', title: 'This page.' },
      { href: `${O}/api`, rel: 'service-desc', type: 'application/vnd.oai.openapi+json;version=3.0', title: 'OpenAPI.' },
      { href: `${O}/conformance`, rel: 'http://www.opengis.net/def/rel/ogc/1.0/conformance', type: 'application/json', title: 'Conformance.' },
      { href: `${O}/processes`, rel: PROCESSES_REL, type: 'application/json', title: 'Processes.' },
      { href: `${O}/jobs`, rel: 'http://www.opengis.net/def/rel/ogc/1.0/job-list', type: 'application/json', title: 'Jobs.' },
    ],
  };
}

type Io = Record<string, Record<string, unknown>>;

function processDoc(id: string, title: string, jobControlOptions: string[], inputs: Io, outputs: Io): Record<string, unknown> {
  return {
    id,
    title,
    description: `${title} (a test process).`,
    version: '1.0.0',
    mutable: true,
    keywords: ['test'],
    metadata: [],
    inputs,
    outputs,
    jobControlOptions,
    outputTransmission: ['value', 'reference'],
    visibility: 'public',
    links: [
      { href: `${O}/processes/${id}`, rel: 'self', type: 'application/json', title: 'This process.' },
      { href: `${O}/processes/${id}/execution`, rel: EXECUTE_REL, type: 'application/json', title: 'Run it.' },
      { href: `${O}/processes`, rel: 'up', type: 'application/json', title: 'Processes.' },
    ],
  };
}

const text = (title: string) => ({ title, schema: { type: 'string' }, minOccurs: 1, maxOccurs: 1 });

export const WEAVER_PROCESSES: Array<Record<string, unknown>> = [
  processDoc('echo-text', 'Echo text', ['async-execute', 'sync-execute'], { message: text('Message') }, { echo: { title: 'Echo', schema: { type: 'string' } } }),
  processDoc(
    'slow-sum',
    'Slow sum',
    ['async-execute'],
    { values: { title: 'Values', schema: { type: 'number' }, minOccurs: 1, maxOccurs: 'unbounded' } },
    {
      mean: { title: 'Mean', schema: { type: 'number' } },
      report: { title: 'Report', schema: { type: 'string', contentMediaType: 'text/plain' }, formats: [{ mediaType: 'text/plain', default: true }] },
    },
  ),
  processDoc('always-fail', 'Always fail', ['async-execute'], { grid: text('Grid') }, { cells: { title: 'Cells', schema: { type: 'integer' } } }),
  processDoc('sync-echo', 'Sync echo', ['sync-execute'], { message: text('Message') }, { echo: { title: 'Echo', schema: { type: 'string' } } }),
];

export function weaverProcessList(): unknown {
  const summaries = WEAVER_PROCESSES.map(({ inputs: _i, outputs: _o, ...summary }) => summary);
  return {
    description: 'The processes of this instance.',
    processes: summaries,
    page: 0,
    limit: 10,
    count: summaries.length,
    total: summaries.length,
    links: [
      { href: `${O}/processes`, rel: 'self', type: 'application/json' },
      { href: `${O}/processes?page=0`, rel: 'first', type: 'application/json' },
      { href: `${O}/processes?page=0`, rel: 'last', type: 'application/json' },
    ],
  };
}
