/**
 * @module validateExpressions — every FEEL expression of the model must parse (feelin's parser; nothing evaluated).
 * Conditions (sequence flows, conditional events, loop and completion conditions) give `CONDITION_INVALID`, the
 * others (timers, loop collections, cardinalities, variable mappings) `EXPRESSION_INVALID`. An expression that parses
 * but whose work cannot be bounded (a recursive function, a loop over the product of two lists) gives
 * `EXPRESSION_UNBOUNDED`: it would only ever end as an incident on every dossier that reaches it. JUEL, JavaScript and
 * undeclared expressions are not checked: only the host that runs them knows their grammar.
 */
import type { Expression, FlowNode, ProcedureDefinition, ValidationCode, ValidationIssue } from './procedure-definition';
import { feelProblem } from './check-feel-expression';
import { describeFlow, describeNode } from './describe-element';
import { structuralIssue } from './structural-issue';

interface LabelledExpression {
  what: string;
  expression: Expression | undefined;
  code: ValidationCode;
}

export function validateExpressions(definition: ProcedureDefinition): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const process of definition.processes) {
    const check = (elementId: string, owner: string, { what, expression, code }: LabelledExpression) => {
      if (!expression || expression.language !== 'feel') return;
      const problem = feelProblem(expression.body);
      if (problem?.kind === 'syntax') issues.push(structuralIssue(process, elementId, code, `${owner} has a ${what} that is not valid FEEL: ${problem.message} in "${expression.body}"`));
      if (problem?.kind === 'unbounded') issues.push(structuralIssue(process, elementId, 'EXPRESSION_UNBOUNDED', `${owner} has a ${what} whose work cannot be bounded: ${problem.message} in "${expression.body}"`));
    };
    for (const flow of Object.values(process.flows)) {
      check(flow.id, describeFlow(flow), { what: 'condition', expression: flow.condition, code: 'CONDITION_INVALID' });
    }
    for (const node of Object.values(process.nodes)) {
      for (const labelled of expressionsOf(node)) check(node.id, describeNode(node), labelled);
    }
  }
  return issues;
}

function expressionsOf(node: FlowNode): LabelledExpression[] {
  const found: LabelledExpression[] = [];
  for (const definition of node.eventDefinitions ?? []) {
    if (definition.type === 'timer') {
      found.push({ what: 'timer duration', expression: definition.timeDuration, code: 'EXPRESSION_INVALID' });
      found.push({ what: 'timer date', expression: definition.timeDate, code: 'EXPRESSION_INVALID' });
      found.push({ what: 'timer cycle', expression: definition.timeCycle, code: 'EXPRESSION_INVALID' });
    }
    if (definition.type === 'conditional') found.push({ what: 'condition', expression: definition.condition, code: 'CONDITION_INVALID' });
  }
  const loop = node.loop;
  if (loop?.type === 'multiInstance') {
    found.push({ what: 'loop cardinality', expression: loop.loopCardinality, code: 'EXPRESSION_INVALID' });
    found.push({ what: 'input collection', expression: loop.inputCollection, code: 'EXPRESSION_INVALID' });
    found.push({ what: 'output element', expression: loop.outputElement, code: 'EXPRESSION_INVALID' });
    found.push({ what: 'completion condition', expression: loop.completionCondition, code: 'CONDITION_INVALID' });
  }
  if (loop?.type === 'standardLoop') found.push({ what: 'loop condition', expression: loop.loopCondition, code: 'CONDITION_INVALID' });
  for (const mapping of node.inputMappings ?? []) {
    found.push({ what: `input mapping to ${mapping.target}`, expression: mapping.source, code: 'EXPRESSION_INVALID' });
  }
  for (const mapping of node.outputMappings ?? []) {
    found.push({ what: `output mapping to ${mapping.target}`, expression: mapping.source, code: 'EXPRESSION_INVALID' });
  }
  return found;
}
