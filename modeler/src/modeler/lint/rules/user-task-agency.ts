/** @module userTaskAgency — every user task says which agency does it (its own lt:assignment or its lane's). */
import { agencyOf, type LintRule } from '../lint-node';
import { reportIssue } from '../report-issue';

export default function userTaskAgency(): LintRule {
  return {
    check(node, reporter) {
      if (node.$instanceOf('bpmn:UserTask') && agencyOf(node) === '') reportIssue(reporter, node, { code: 'USER_TASK_WITHOUT_AGENCY' });
    },
  };
}
