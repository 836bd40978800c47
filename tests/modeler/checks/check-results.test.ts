/**
 * One check, one count (issue 16): the modeler's lint findings and the server's validation merged by element and
 * code, so the same finding is listed once, and one count that the canvas badge, the issues panel and the status
 * line all read.
 */
import { describe, expect, it } from 'vitest';
import { countIssues, createCheckResults, fromServerIssue, mergeIssues, type CheckIssue } from '../../../modeler/src/modeler/checks/check-results';

const lint = (elementId: string, code: string, extra: Partial<CheckIssue> = {}): CheckIssue => ({ elementId, code, severity: 'error', source: 'lint', ...extra });
const server = (elementId: string, code: string, severity: 'error' | 'warning' = 'error') =>
  fromServerIssue({ elementId, code, severity, message: `${elementId} has a problem (${code}) in the server's English` });

describe('merging the browser’s and the server’s findings', () => {
  it('lists a finding both made once, with the browser’s details, marked as found by both', () => {
    // given a user task without an agency, found by the lint rule and by the server's validation
    const found = lint('Task_1', 'USER_TASK_WITHOUT_AGENCY', { params: { name: 'Tiếp nhận' } });
    // when they are merged
    const merged = mergeIssues([found], [server('Task_1', 'USER_TASK_WITHOUT_AGENCY')]);
    // then one issue remains, the browser's, from both sources
    expect(merged).toEqual([{ ...found, source: 'both' }]);
  });

  it('keeps what only the server found after the browser’s findings, and never merges across elements or codes', () => {
    // given a lint finding and server findings on another element and with another code on the same element
    const merged = mergeIssues(
      [lint('Task_1', 'USER_TASK_WITHOUT_AGENCY')],
      [server('Task_1', 'DEAD_END', 'warning'), server('Task_2', 'USER_TASK_WITHOUT_AGENCY'), server('Task_1', 'USER_TASK_WITHOUT_AGENCY')],
    );
    // then the browser's comes first, then the server's own, in the server's order
    expect(merged.map((issue) => [issue.elementId, issue.code, issue.source])).toEqual([
      ['Task_1', 'USER_TASK_WITHOUT_AGENCY', 'both'],
      ['Task_1', 'DEAD_END', 'server'],
      ['Task_2', 'USER_TASK_WITHOUT_AGENCY', 'server'],
    ]);
  });

  it('keeps every browser finding of one code on one element, and the more severe of the two severities', () => {
    // given two metadata findings on the process from the browser (warnings) and one error from the server
    const merged = mergeIssues(
      [lint('Process_1', 'PROCEDURE_METADATA_INVALID', { variant: 'noProcedureCode', severity: 'warning' }), lint('Process_1', 'PROCEDURE_METADATA_INVALID', { variant: 'noStatutoryDeadline', severity: 'warning' })],
      [server('Process_1', 'PROCEDURE_METADATA_INVALID')],
    );
    // then both browser findings stay, as errors, and the server's is not listed again
    expect(merged.map((issue) => [issue.variant, issue.severity, issue.source])).toEqual([
      ['noProcedureCode', 'error', 'both'],
      ['noStatutoryDeadline', 'error', 'both'],
    ]);
  });

  it('keeps the server’s own sentence only beside its code, for the English interface', () => {
    // when a server issue is read
    const issue = server('Gateway_1', 'UNSUPPORTED_ELEMENT');
    // then it carries its code, severity and source, and its sentence apart from what the interface words
    expect(issue).toMatchObject({ elementId: 'Gateway_1', code: 'UNSUPPORTED_ELEMENT', severity: 'error', source: 'server' });
    expect(issue.serverMessage).toContain("server's English");
  });
});

describe('counting the findings', () => {
  it('counts errors and warnings of the merged list, a finding both made counted once', () => {
    // given one bad user task found by both, and a dead end only the server reports
    const merged = mergeIssues([lint('Task_1', 'USER_TASK_WITHOUT_AGENCY')], [server('Task_1', 'USER_TASK_WITHOUT_AGENCY'), server('Task_1', 'DEAD_END', 'warning')]);
    // then the count is 1 error and 1 warning, not 2 errors and 1 warning
    expect(countIssues(merged)).toEqual({ errors: 1, warnings: 1 });
    expect(countIssues([])).toEqual({ errors: 0, warnings: 0 });
  });

  it('gives every reader the same list and count after each change, and drops the server’s findings when they are cleared', () => {
    // given the check results with a reader
    const results = createCheckResults();
    const seen: number[] = [];
    results.onChange((issues) => seen.push(issues.length));
    // when the lint and the server report the same finding, then the server's are cleared (the model changed)
    results.setLint([lint('Task_1', 'USER_TASK_WITHOUT_AGENCY')]);
    results.setServer([server('Task_1', 'USER_TASK_WITHOUT_AGENCY'), server('Task_1', 'DEAD_END', 'warning')]);
    expect(results.counts()).toEqual({ errors: 1, warnings: 1 });
    expect(results.issues()).toHaveLength(2);
    results.setServer([]);
    // then the reader saw each merged list and the count follows
    expect(seen).toEqual([1, 2, 1]);
    expect(results.counts()).toEqual({ errors: 1, warnings: 0 });
  });
});
