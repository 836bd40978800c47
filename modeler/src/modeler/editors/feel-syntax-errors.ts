/**
 * @module feelSyntaxErrors — syntax errors of a FEEL expression with their character ranges, from @bpmn-io/feel-lint
 * (the lezer-feel grammar feelin evaluates with), worded in the interface language. A leading `=` (Camunda 8
 * marker) is accepted.
 */
import { lintExpression } from '@bpmn-io/feel-lint';
import { currentLocale } from '../../i18n/locale';

export interface FeelSyntaxError {
  from: number;
  to: number;
  message: string;
}

/** feel-lint says "Incomplete <Comparison>" or "Unrecognized token in <PathExpression>"; say it in Vietnamese. */
function worded(message: string): string {
  if (currentLocale() !== 'vi') return message;
  const node = /<([A-Za-z]+)>/.exec(message)?.[1];
  const where = node ? ` (${node.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()})` : '';
  if (/^Incomplete/i.test(message)) return `Biểu thức chưa hoàn chỉnh${where}`;
  if (/^Unrecognized token/i.test(message)) return `Ký hiệu không hợp lệ${where}`;
  return message;
}

export function feelSyntaxErrors(body: string): FeelSyntaxError[] {
  const marker = /^\s*=/.exec(body);
  const offset = marker ? marker[0].length : 0;
  return lintExpression(body.slice(offset))
    .filter((issue) => issue.severity === 'error')
    .map((issue) => ({ from: issue.from + offset, to: issue.to + offset, message: worded(issue.message) }));
}
