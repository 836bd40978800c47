/**
 * @module issuesPanel — every check result in one list under the diagram, read from the check results (the browser's
 * lint issues as you draw merged with the server's when you check or deploy), each worded from the issue catalogue.
 * Clicking an issue selects its element.
 */
import { currentLocale, t } from '../i18n/locale';
import type { CheckIssue, CheckResults } from './checks/check-results';
import { issueMessage } from './checks/issue-catalogue';

/** Marks what only the server found, so a person knows the browser's checks did not (worded here: the i18n tables are shared). */
const serverLabel = () => (currentLocale() === 'vi' ? 'Máy chủ' : 'Server');

export function createIssuesPanel(host: HTMLElement, results: CheckResults, onPick: (elementId: string) => void, nameOf: (elementId: string) => string): void {
  const heading = document.createElement('h3');
  const list = document.createElement('ul');
  list.className = 'issues-list';
  host.replaceChildren(heading, list);
  const item = (issue: CheckIssue) => {
    const row = document.createElement('li');
    row.className = `issue issue-${issue.severity}`;
    row.dataset.elementId = issue.elementId;
    row.dataset.code = issue.code;
    row.dataset.source = issue.source;
    const where = document.createElement('button');
    where.type = 'button';
    where.className = 'issue-element';
    where.textContent = nameOf(issue.elementId);
    where.addEventListener('click', () => onPick(issue.elementId));
    const message = document.createElement('span');
    message.className = 'issue-message';
    message.textContent = issueMessage(issue, currentLocale(), nameOf(issue.elementId));
    row.append(where, message);
    if (issue.source === 'server') {
      const source = document.createElement('span');
      source.className = 'issue-source';
      source.textContent = serverLabel();
      row.append(source);
    }
    return row;
  };
  const render = (issues: CheckIssue[]) => {
    const { errors, warnings } = results.counts();
    heading.textContent = issues.length === 0 ? t('issues.none') : t('issues.count', { errors, warnings });
    host.dataset.errors = String(errors);
    host.dataset.warnings = String(warnings);
    list.replaceChildren(...issues.map(item));
  };
  render(results.issues());
  results.onChange(render);
}
