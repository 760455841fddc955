// list-processes, get-process, create-request, validate-request.
import { EXIT, UsageError } from '../exit.js';
import { buildRequest, requestTemplate } from '../request.js';
import { checkInputs } from '../validate.js';
import type { Command, CommandContext } from './types.js';

export const listProcesses: Command = async (ctx) => {
  const { client } = await ctx.session();
  ctx.print(await client.getProcesses({ followNext: true }), 'processList');
  return EXIT.ok;
};

export const getProcess: Command = async (ctx) => {
  const id = ctx.parsed.positional!;
  ctx.about({ processId: id });
  const { client } = await ctx.session();
  // As the server sent it: the typed reading is for the bridge.
  ctx.print((await client.getProcess(id)).document, 'process');
  return EXIT.ok;
};

export const createRequest: Command = async (ctx) => {
  const id = ctx.parsed.positional!;
  ctx.about({ processId: id });
  const { client } = await ctx.session();
  const description = await client.getProcess(id);
  ctx.print(requestTemplate(id, description, ctx.parsed.values.dotpath === true), 'request');
  return EXIT.ok;
};

/** The request of -r/-i/-s/--dotpath and PROCESS_ID, checked against the process's inputs. */
export async function checkedRequest(ctx: CommandContext) {
  const v = ctx.parsed.values;
  const request = await buildRequest(
    {
      ...(typeof v.request === 'string' ? { requestFile: v.request } : {}),
      ...(ctx.parsed.positional !== undefined ? { processId: ctx.parsed.positional } : {}),
      inputs: (v.input as string[] | undefined) ?? [],
      subscribers: (v.subscriber as string[] | undefined) ?? [],
      dotpath: v.dotpath === true,
    },
    ctx.stdin,
  );
  ctx.about({ processId: request.process_id });
  const { client } = await ctx.session();
  // Only the description is read; the request is checked here and nothing is executed.
  const description = await client.getProcess(request.process_id);
  const check = checkInputs(description, request.inputs ?? {});
  if (!check.checked) ctx.note(`Note: the inputs were not checked: ${check.reason}.`);
  else if (check.problems.length > 0) throw new UsageError(`Execution request is invalid for process '${request.process_id}':`, check.problems);
  return { request, description };
}

export const validateRequest: Command = async (ctx) => {
  const { request } = await checkedRequest(ctx);
  ctx.print(request, 'validRequest');
  return EXIT.ok;
};
