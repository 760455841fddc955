// What the web app needs to draw a process's form: each input with its derived
// schema (the same one the MCP tool validates against), how its value is
// shaped, and the reference GUI's hints, in `x-ui-order` order.
import type { DerivedTool } from '../bridge/describe/index.js';
import type { ProcessDescription } from '../ogc/index.js';
import type { FormInput, FormModel } from './form-types.js';
import { uiHintsOf } from './ui-hints.js';

export type { FormInput, FormModel };

export function formModel(tool: DerivedTool, description: ProcessDescription | undefined): FormModel {
  // The hints live in the document as the server sent it; the typed description drops x-* keys.
  const hints = uiHintsOf(description?.document);
  const properties = (tool.inputSchema.properties ?? {}) as Record<string, unknown>;
  const inputs = tool.inputs.map((input, index) => {
    const ui = hints.get(input.id) ?? {};
    const field: FormInput = {
      name: input.argumentName,
      id: input.id,
      title: input.title ?? input.id,
      required: input.required,
      multiple: input.multiple,
      kind: input.kind,
      acceptsReference: input.acceptsReference,
      schema: properties[input.argumentName] ?? {},
      ui,
    };
    if (input.description !== undefined && input.description !== input.title) field.description = input.description;
    return { field, key: ui.order ?? Number.MAX_SAFE_INTEGER, index };
  });
  // x-ui-order first (stable), then description order: the reference's rule.
  inputs.sort((a, b) => a.key - b.key || a.index - b.index);
  const model: FormModel = {
    processId: tool.processId,
    title: tool.title,
    jobControlOptions: tool.jobControlOptions,
    inputs: inputs.map((i) => i.field),
    outputs: tool.outputs.map((o) => ({ id: o.id, ...(o.title !== undefined ? { title: o.title } : {}), ...(o.description !== undefined ? { description: o.description } : {}) })),
    warnings: tool.warnings,
  };
  if (description?.description !== undefined) model.description = description.description;
  if (tool.version !== undefined) model.version = tool.version;
  return model;
}
