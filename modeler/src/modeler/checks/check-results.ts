/**
 * @module checkResults — every check of a model as one list and one count: the browser's lint rules as you draw and
 * the server's validation when you check or deploy. Both name their findings by a stable code (the engine's
 * `ValidationCode`, plus the modeler's own for what only the browser knows) and the element's id, so the same finding
 * from both is listed once. The canvas badge, the issues panel and the status line all read `counts()`.
 */
import type { ValidationCode } from '../../../../engine/src/model/procedure-definition';

/** What only the modeler checks: call activities against the procedures it knows are deployed. */
export type ModelerIssueCode = 'CALL_ACTIVITY_WITHOUT_CALLED_ELEMENT' | 'CALL_ACTIVITY_NOT_DEPLOYED';

export type IssueCode = ValidationCode | ModelerIssueCode;

export type IssueSeverity = 'error' | 'warning';

/** Where a finding came from; `both` when the browser and the server found the same thing. */
export type IssueSource = 'lint' | 'server' | 'both';

export interface CheckIssue {
  elementId: string;
  /** A code of the catalogue; the server may answer one this front end does not know yet. */
  code: IssueCode | (string & {});
  severity: IssueSeverity;
  /** Which wording of the code, when one code covers several findings (an empty condition, a syntax error). */
  variant?: string;
  /** The details the wording is filled with (totals, the missing flows, a procedure's key). */
  params?: Record<string, string | number>;
  source: IssueSource;
  /** The server's own sentence (English, for operators): shown only in the English interface for an unknown code. */
  serverMessage?: string;
}

export interface IssueCounts {
  errors: number;
  warnings: number;
}

const keyOf = (issue: CheckIssue) => `${issue.elementId}\u0000${issue.code}`;

/**
 * The browser's findings in their order, then the server's that the browser did not make. A finding is the same when
 * it names the same element with the same code; the browser's wording is kept (it has the details), marked `both`, and
 * takes the more severe of the two severities.
 */
export function mergeIssues(lint: readonly CheckIssue[], server: readonly CheckIssue[]): CheckIssue[] {
  const serverByKey = new Map<string, CheckIssue[]>();
  for (const issue of server) serverByKey.set(keyOf(issue), [...(serverByKey.get(keyOf(issue)) ?? []), issue]);
  const merged = lint.map((issue): CheckIssue => {
    const same = serverByKey.get(keyOf(issue));
    if (!same) return { ...issue, source: 'lint' };
    const severity = issue.severity === 'error' || same.some((found) => found.severity === 'error') ? 'error' : 'warning';
    // Where the server could go further (a call to a deployed procedure the browser cannot count), its figures win.
    const further = same.find((found) => found.params && found.variant && found.variant !== issue.variant);
    if (further) return { ...issue, severity, variant: further.variant, params: further.params, source: 'both' };
    return { ...issue, severity, source: 'both' };
  });
  const linted = new Set(lint.map(keyOf));
  return [...merged, ...server.filter((issue) => !linted.has(keyOf(issue))).map((issue): CheckIssue => ({ ...issue, source: 'server' }))];
}

/** An issue of the server's validation answer (`POST /api/procedures/validate`, a refused deploy). */
export function fromServerIssue(issue: { elementId: string; code: string; message: string; severity: string; variant?: string; params?: Record<string, string | number> }): CheckIssue {
  return {
    elementId: issue.elementId,
    code: issue.code,
    severity: issue.severity === 'error' ? 'error' : 'warning',
    source: 'server',
    serverMessage: issue.message,
    ...(issue.variant ? { variant: issue.variant } : {}),
    ...(issue.params ? { params: issue.params } : {}),
  };
}

/** Errors and warnings of one list: the only count the modeler shows. */
export function countIssues(issues: readonly CheckIssue[]): IssueCounts {
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  return { errors, warnings: issues.length - errors };
}

export interface CheckResults {
  setLint(issues: CheckIssue[]): void;
  setServer(issues: CheckIssue[]): void;
  /** The merged list. */
  issues(): CheckIssue[];
  counts(): IssueCounts;
  /** Called after every change, with the merged list. */
  onChange(listener: (issues: CheckIssue[]) => void): void;
}

export function createCheckResults(): CheckResults {
  let lint: CheckIssue[] = [];
  let server: CheckIssue[] = [];
  let merged: CheckIssue[] = [];
  const listeners: ((issues: CheckIssue[]) => void)[] = [];
  const changed = () => {
    merged = mergeIssues(lint, server);
    for (const listener of listeners) listener(merged);
  };
  return {
    setLint(issues) {
      lint = issues;
      changed();
    },
    setServer(issues) {
      server = issues;
      changed();
    },
    issues: () => merged,
    counts: () => countIssues(merged),
    onChange: (listener) => void listeners.push(listener),
  };
}
