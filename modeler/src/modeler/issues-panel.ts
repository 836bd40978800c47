/**
 * @module issuesPanel — every check result in one list under the diagram: lint issues as you draw and the server's
 * issues when it refuses a deploy. Clicking an issue selects its element.
 */
import { currentLocale, t } from '../i18n/locale';

/** Marks what the server found, so a person knows the browser's checks did not (worded here: the i18n tables are shared). */
const serverLabel = () => (currentLocale() === 'vi' ? 'Máy chủ' : 'Server');

export interface ListedIssue {
  elementId: string;
  message: string;
  severity: 'error' | 'warning';
  source: 'lint' | 'server';
}

export interface IssuesPanel {
  setIssues(source: ListedIssue['source'], issues: ListedIssue[]): void;
  errors(): ListedIssue[];
}

export function createIssuesPanel(host: HTMLElement, onPick: (elementId: string) => void, nameOf: (elementId: string) => string): IssuesPanel {
  const bySource: Record<ListedIssue['source'], ListedIssue[]> = { lint: [], server: [] };
  const heading = document.createElement('h3');
  const list = document.createElement('ul');
  list.className = 'issues-list';
  host.replaceChildren(heading, list);
  const render = () => {
    const all = [...bySource.lint, ...bySource.server];
    const errorCount = all.filter((issue) => issue.severity === 'error').length;
    heading.textContent = all.length === 0 ? t('issues.none') : t('issues.count', { errors: errorCount, warnings: all.length - errorCount });
    host.dataset.errors = String(errorCount);
    list.replaceChildren(
      ...all.map((issue) => {
        const item = document.createElement('li');
        item.className = `issue issue-${issue.severity}`;
        item.dataset.elementId = issue.elementId;
        const where = document.createElement('button');
        where.type = 'button';
        where.className = 'issue-element';
        where.textContent = nameOf(issue.elementId);
        where.addEventListener('click', () => onPick(issue.elementId));
        const message = document.createElement('span');
        message.className = 'issue-message';
        message.textContent = issue.message;
        item.append(where, message);
        if (issue.source === 'server') {
          const source = document.createElement('span');
          source.className = 'issue-source';
          source.textContent = serverLabel();
          item.append(source);
        }
        item.dataset.source = issue.source;
        return item;
      }),
    );
  };
  render();
  return {
    setIssues: (source, issues) => {
      bySource[source] = issues;
      render();
    },
    errors: () => [...bySource.lint, ...bySource.server].filter((issue) => issue.severity === 'error'),
  };
}
