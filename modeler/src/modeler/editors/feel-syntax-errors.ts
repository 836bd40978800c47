/**
 * @module feelSyntaxErrors — syntax errors of a FEEL expression with their character ranges, from @bpmn-io/feel-lint
 * (the lezer-feel grammar feelin evaluates with). A leading `=` (Camunda 8 marker) is accepted.
 */
import { lintExpression } from '@bpmn-io/feel-lint';

export interface FeelSyntaxError {
  from: number;
  to: number;
  message: string;
}

export function feelSyntaxErrors(body: string): FeelSyntaxError[] {
  const marker = /^\s*=/.exec(body);
  const offset = marker ? marker[0].length : 0;
  return lintExpression(body.slice(offset))
    .filter((issue) => issue.severity === 'error')
    .map((issue) => ({ from: issue.from + offset, to: issue.to + offset, message: issue.message }));
}
