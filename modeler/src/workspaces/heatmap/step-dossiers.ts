/** @module stepDossiers — the dossiers waiting at one step of the heatmap, most urgent first, each opening its dossier page. */
import { t } from '../../i18n/locale';
import { element } from '../common/element';
import { rowsOf } from '../common/stats-api';
import type { InboxMark } from '../common/workspace-api';
import { formatDateTime, markBadge, remainingText } from '../common/workspace-format';

const MARKS = new Set(['overdue', 'nearlyDue', 'due', 'paused', 'none']);

export function renderStepDossiers(name: string, elementId: string, answer: unknown): HTMLElement {
  const rows = rowsOf(answer);
  const list = element('ul', { className: 'ws-heat-dossiers', dataset: { elementId } });
  for (const row of rows) {
    const dossierId = String(row.dossierId ?? row.id ?? '');
    const code = String(row.dossierCode ?? row.code ?? dossierId);
    const mark = (MARKS.has(String(row.mark)) ? row.mark : 'none') as InboxMark;
    const remaining = typeof row.remainingMs === 'number' ? row.remainingMs : undefined;
    list.append(
      element(
        'li',
        { dataset: { dossierCode: code } },
        element('a', { className: 'ws-code', text: code, attrs: { href: `/inbox/dossiers/${encodeURIComponent(dossierId)}`, 'data-link': '' } }),
        ' ',
        markBadge(mark),
        element('div', { className: 'ws-muted', text: [typeof row.dueAt === 'string' ? t('ws.heatmap.due', { at: formatDateTime(row.dueAt) }) : '', remainingText(mark, remaining)].filter(Boolean).join(' · ') }),
      ),
    );
  }
  return element(
    'div',
    {},
    element('h3', { text: name }),
    element('p', { className: 'ws-muted', text: t('ws.heatmap.count', { count: rows.length }) }),
    rows.length > 0 ? list : element('p', { className: 'ws-empty', text: t('ws.heatmap.none') }),
  );
}
