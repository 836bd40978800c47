/**
 * @module reportIssue — how our bpmnlint rules report: with the finding's code, variant and details beside the
 * sentence, so the modeler can merge it with the server's finding of the same code and word both from one catalogue.
 * bpmnlint spreads the object given after the message into the report (`report(id, message, { …data })`).
 */
import { currentLocale } from '../../i18n/locale';
import type { CheckIssue, IssueCode, IssueSeverity } from '../checks/check-results';
import { issueMessage } from '../checks/issue-catalogue';
import type { LintNode, Reporter } from './lint-node';

export interface LintFinding {
  code: IssueCode;
  variant?: string;
  params?: Record<string, string | number>;
  /** A warning where the engine's rule says so; bpmnlint itself gives every report of a rule its configured category. */
  severity?: IssueSeverity;
}

export function reportIssue(reporter: Reporter, node: LintNode | string, finding: LintFinding): void {
  const elementId = typeof node === 'string' ? node : (node.id ?? '');
  const name = typeof node === 'string' ? node : node.name || elementId;
  reporter.report(elementId, issueMessage({ ...finding, elementId }, currentLocale(), name), { ...finding });
}

/** A bpmnlint report as the modeler's check results hold it. */
export interface LintReport {
  id: string;
  /** The element the rule named, when bpmnlint shows the issue on its pool or the root instead. */
  actualElementId?: string;
  message: string;
  category: string;
  code?: IssueCode;
  variant?: string;
  params?: Record<string, string | number>;
  severity?: IssueSeverity;
}

export function fromLintReport(report: LintReport): CheckIssue {
  return {
    elementId: report.actualElementId ?? report.id,
    code: report.code ?? 'UNKNOWN',
    variant: report.variant,
    params: report.params,
    severity: report.severity ?? (report.category === 'error' || report.category === 'rule-error' ? 'error' : 'warning'),
    source: 'lint',
  };
}
