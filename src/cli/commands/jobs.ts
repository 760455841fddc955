// list-jobs, get-job, dismiss-job, get-job-results.
import type { OgcClient, StatusInfo } from '../../ogc/index.js';
import { EXIT } from '../exit.js';
import { writeResultFiles } from '../results-files.js';
import type { Command, CommandContext } from './types.js';

export const listJobs: Command = async (ctx) => {
  const { client } = await ctx.session();
  ctx.print(await client.getJobs({ followNext: true }), 'jobList');
  return EXIT.ok;
};

/** The JOB_ID argument, named for a failure's hint, and the client. */
async function jobAndClient(ctx: CommandContext): Promise<{ id: string; client: OgcClient }> {
  const id = ctx.parsed.positional!;
  ctx.about({ jobId: id });
  return { id, client: (await ctx.session()).client };
}

function jobCommand(call: (client: OgcClient, id: string) => Promise<StatusInfo>): Command {
  return async (ctx) => {
    const { id, client } = await jobAndClient(ctx);
    ctx.print(await call(client, id), 'job');
    return EXIT.ok;
  };
}

export const getJob = jobCommand((client, id) => client.getJob(id));

export const dismissJob = jobCommand((client, id) => client.dismissJob(id));

export const getJobResults: Command = async (ctx) => {
  const { id, client } = await jobAndClient(ctx);
  const results = await client.getJobResults(id);
  const dir = ctx.parsed.values.output;
  if (typeof dir !== 'string') {
    ctx.print(results, 'results');
    return EXIT.ok;
  }
  ctx.print({ files: await writeResultFiles(client, results, dir) }, 'files');
  return EXIT.ok;
};
