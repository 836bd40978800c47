/**
 * The modeler's budget rule is the engine's (issue 16, item 6): the lint in the browser follows call activities into
 * the processes of the same file and checks each agency's share, so it reports what the server's validation reports,
 * with the same codes on the same elements, worded in Vietnamese with the path's figures.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createModdle } from '../../../engine/src/model/create-moddle';
import { parseProcedure } from '../../../engine/src/index';
import budgetWithinDeadline from '../../../modeler/src/modeler/lint/rules/budget-within-deadline';
import type { LintNode } from '../../../modeler/src/modeler/lint/lint-node';
import { readModel } from '../../procedures/support/library';

interface Report {
  id: string;
  message: string;
  code: string;
  variant: string;
}

/** The interface's language is read from localStorage: Vietnamese, as in a browser that never chose. */
beforeAll(() => {
  const stored = new Map<string, string>();
  Object.assign(globalThis, { localStorage: { getItem: (key: string) => stored.get(key) ?? null, setItem: (key: string, value: string) => stored.set(key, value) } });
});

/** Inter-agency group 1 with the Social Insurance's card step raised from 1 to `days` working days. */
function group1WithHealthCardStep(days: number): string {
  const xml = readModel('lien-thong-khai-sinh');
  const step = /(<bpmn:userTask id="task-issue-health-card"[^>]*>\s*<bpmn:extensionElements>\s*<lt:budget value=")1(")/;
  if (!step.test(xml)) throw new Error('task-issue-health-card has no budget of 1 working day');
  return xml.replace(step, `$1${days}$2`);
}

/** The rule as bpmnlint runs it on the definitions (it looks at nothing else), its reports collected. */
async function lint(xml: string): Promise<Report[]> {
  const { rootElement } = await createModdle().fromXML(xml, 'bpmn:Definitions');
  const reports: Report[] = [];
  budgetWithinDeadline().check(rootElement as unknown as LintNode, {
    report: (id, message, data) => reports.push({ id, message, ...(data as Omit<Report, 'id' | 'message'>) }),
  });
  return reports;
}

async function serverFindings(xml: string) {
  const { issues } = await parseProcedure(xml);
  return issues.filter((issue) => issue.code.startsWith('BUDGET_')).map((issue) => [issue.elementId, issue.code]);
}

describe('the modeler’s budget rule', () => {
  it('finds nothing in inter-agency group 1 as shipped, as the server', async () => {
    const xml = readModel('lien-thong-khai-sinh');
    expect(await lint(xml)).toEqual([]);
    expect(await serverFindings(xml)).toEqual([]);
  });

  it('counts the called Social Insurance process in group 1 and reports what the server reports, in Vietnamese', async () => {
    // given group 1 with the card step at 2.4 working days: 0.25 + 2.9 + 0.5 = 3.65 against 3
    const xml = group1WithHealthCardStep(2.4);
    // when the browser lints it
    const reports = await lint(xml);
    // then the same codes on the same elements as the server's validation
    expect(reports.map((report) => [report.id, report.code])).toEqual(await serverFindings(xml));
    const group = reports.find((report) => report.code === 'BUDGET_EXCEEDS_STATUTORY');
    expect(group?.id).toBe('process-lien-thong-khai-sinh');
    expect(group?.message).toContain('là 3.65 ngày làm việc, vượt thời hạn giải quyết 3 ngày làm việc là 0.65 ngày làm việc');
    expect(group?.message).toContain('Cấp thẻ BHYT (Bảo hiểm xã hội) 2.9');
    // and the agency's share of Decree 63/2024 on the call activity
    const share = reports.find((report) => report.code === 'BUDGET_EXCEEDS_AGENCY_SHARE');
    expect(share).toMatchObject({ id: 'call-health-card', variant: 'share' });
    expect(share?.message).toContain('(cơ quan bhxh-tinh) cộng lại 2.9 ngày làm việc, vượt phần thời hạn 2 ngày làm việc');
  });
});
