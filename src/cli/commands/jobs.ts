// list-jobs, get-job, dismiss-job, get-job-results.
import { EXIT } from '../exit.js';
import { writeResultFiles } from '../results-files.js';
import type { Command } from './types.js';

export const listJobs: Command = async (ctx) => {
  const { client } = await ctx.session();
  ctx.print(await client.getJobs({ followNext: true }), 'jobList');
  return EXIT.ok;
};

export const getJob: Command = async (ctx) => {
  const id = ctx.parsed.positional!;
  ctx.about({ jobId: id });
  const { client } = await ctx.session();
  ctx.print(await client.getJob(id), 'job');
  return EXIT.ok;
};

export const dismissJob: Command = async (ctx) => {
  const id = ctx.parsed.positional!;
  ctx.about({ jobId: id });
  const { client } = await ctx.session();
  ctx.print(await client.dismissJob(id), 'job');
  return EXIT.ok;
};

export const getJobResults: Command = async (ctx) => {
  const id = ctx.parsed.positional!;
  ctx.about({ jobId: id });
  const { client } = await ctx.session();
  const results = await client.getJobResults(id);
  const dir = ctx.parsed.values.output;
  if (typeof dir !== 'string') {
    ctx.print(results, 'results');
    return EXIT.ok;
  }
  ctx.print({ files: await writeResultFiles(client, results, dir) }, 'files');
  return EXIT.ok;
};
