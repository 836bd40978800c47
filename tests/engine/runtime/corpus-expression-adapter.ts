/**
 * Test-only adapter: rewrites the corpus models' bpmn-elements expression dialect into FEEL so that our runtime
 * (FEEL only, no JavaScript) can run them. `${environment.variables.x}` / `${environment.output.x}` become `x`,
 * `${true}` becomes `true`, and a JavaScript condition `next(null, <expr>)` becomes `<expr>` with the same
 * rewriting. Anything else is left as written (it then fails as an incident) unless the case gives an override.
 */
import type { Expression, ProcedureDefinition } from '../../../engine/src/model/index';

export function toFeel(body: string): string {
  let text = body.trim();
  const juel = /^\$\{([\s\S]*)\}$/.exec(text);
  if (juel) text = juel[1]!.trim();
  const callback = /^next\(\s*null\s*,\s*([\s\S]*?)\)\s*;?$/.exec(text);
  if (callback) text = callback[1]!.trim();
  return text.replace(/(this\.)?(environment\.)?(variables|output)\./g, '').replace(/\s*(&&)\s*/g, ' and ').replace(/\s*(\|\|)\s*/g, ' or ').replace(/===?/g, '=');
}

function adapt(expression: Expression | undefined): void {
  if (!expression || expression.language === 'feel') return;
  if (expression.language === 'unknown' && !/[$]\{/.test(expression.body)) return;
  expression.body = toFeel(expression.body);
  expression.language = 'feel';
}

/** Rewrites every expression of a parsed corpus definition in place; `conditions` override flows by id. */
export function adaptDefinition(definition: ProcedureDefinition, conditions: Record<string, string> = {}): ProcedureDefinition {
  for (const process of definition.processes) {
    for (const flow of Object.values(process.flows)) {
      if (conditions[flow.id] !== undefined) flow.condition = { body: conditions[flow.id]!, language: 'feel' };
      else adapt(flow.condition);
    }
    for (const node of Object.values(process.nodes)) {
      for (const definition of node.eventDefinitions ?? []) {
        if (definition.type === 'timer') [definition.timeDate, definition.timeDuration, definition.timeCycle].forEach(adapt);
        if (definition.type === 'conditional') adapt(definition.condition);
      }
      if (node.loop?.type === 'multiInstance') [node.loop.loopCardinality, node.loop.inputCollection, node.loop.completionCondition].forEach(adapt);
      if (node.loop?.type === 'standardLoop') adapt(node.loop.loopCondition);
    }
  }
  return definition;
}
