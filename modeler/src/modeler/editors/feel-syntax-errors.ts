/**
 * @module feelSyntaxErrors — syntax errors of a FEEL expression with their character ranges, worded in the interface
 * language. Whether an expression is valid is the engine's call (`checkFeelExpression`, the check the server runs on
 * every deploy), so the browser and the server share one FEEL grammar; @bpmn-io/feel-lint (the same lezer-feel
 * grammar) only supplies the ranges and wording shown as you type. A leading `=` (Camunda 8 marker) is accepted.
 */
import { lintExpression } from '@bpmn-io/feel-lint';
import { checkFeelExpression } from '../../../../engine/src/model/check-feel-expression';
import { currentLocale } from '../../i18n/locale';

export interface FeelSyntaxError {
  from: number;
  to: number;
  message: string;
}

const nodeWords = (node: string) => node.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/** feel-lint says "Incomplete <Comparison>" or "Unrecognized token in <PathExpression>"; say it in Vietnamese. */
function worded(message: string): string {
  if (currentLocale() !== 'vi') return message;
  const node = /<([A-Za-z]+)>/.exec(message)?.[1];
  const where = node ? ` (${nodeWords(node)})` : '';
  if (/^Incomplete/i.test(message)) return `Biểu thức chưa hoàn chỉnh${where}`;
  if (/^Unrecognized token/i.test(message)) return `Ký hiệu không hợp lệ${where}`;
  return message;
}

/** The engine's own words ("incomplete comparison at the end", "the expression nests brackets …"), for the rare case feel-lint has none. */
function engineWorded(problem: string): string {
  if (currentLocale() !== 'vi') return problem;
  if (/^incomplete/.test(problem)) return `Biểu thức chưa hoàn chỉnh (${problem})`;
  if (/^unexpected/.test(problem)) return `Ký hiệu không hợp lệ (${problem})`;
  return `Máy chủ sẽ từ chối biểu thức này: ${problem}`;
}

export function feelSyntaxErrors(body: string): FeelSyntaxError[] {
  const problem = checkFeelExpression(body);
  if (problem === undefined) return [];
  const marker = /^\s*=/.exec(body);
  const offset = marker ? marker[0].length : 0;
  const ranged = lintExpression(body.slice(offset))
    .filter((issue) => issue.severity === 'error')
    .map((issue) => ({ from: issue.from + offset, to: issue.to + offset, message: worded(issue.message) }));
  return ranged.length > 0 ? ranged : [{ from: offset, to: body.length, message: engineWorded(problem) }];
}
