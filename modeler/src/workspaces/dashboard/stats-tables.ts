/**
 * @module statsTables — the dashboard's tables: figures per agency, department, official or procedure (a row opens
 * its drill-down), delay attribution per agency, and the lists of steps and dossiers a drill-down shows.
 */
import { t, type MessageKey } from '../../i18n/locale';
import { element } from '../common/element';
import { dashboardText } from './dashboard-text';
import type { BreakdownRow, DelayRow, DossierItem, StepItem } from '../common/stats-api';
import { formatDateTime, formatNumber, formatPercent, markBadge, statusLabel } from '../common/workspace-format';
import type { InboxMark } from '../common/workspace-api';

interface Column<T> {
  /** A message key, or text already in the page's language. */
  header: MessageKey | string;
  value(row: T): string | Node;
  numeric?: boolean;
}

function table<T>(className: string, columns: Column<T>[], rows: T[], rowOptions: (row: T) => { dataset?: Record<string, string>; onClick?: () => void } = () => ({})): HTMLElement {
  if (rows.length === 0) return element('p', { className: 'ws-empty', text: t('ws.dash.noRows') });
  const head = element('tr', {}, ...columns.map((column) => element('th', { className: column.numeric ? 'ws-num' : '', text: column.header.startsWith('ws.') ? t(column.header as MessageKey) : column.header, attrs: { scope: 'col' } })));
  const body = rows.map((row) => {
    const options = rowOptions(row);
    const tr = element('tr', { dataset: options.dataset ?? {} }, ...columns.map((column) => element('td', { className: column.numeric ? 'ws-num' : '' }, column.value(row))));
    if (options.onClick) {
      tr.classList.add('ws-clickable');
      tr.tabIndex = 0;
      tr.addEventListener('click', options.onClick);
      tr.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') options.onClick?.();
      });
    }
    return tr;
  });
  return element('table', { className: `ws-table ${className}` }, element('thead', {}, head), element('tbody', {}, ...body));
}

const count = (value: number) => formatNumber(value, 0);

/** Figures per unit or procedure count dossiers; per official they count the steps each handled (the server's rule). */
export function breakdownTable(rows: BreakdownRow[], onSelect: (row: BreakdownRow) => void, counted: 'dossiers' | 'steps' = 'dossiers'): HTMLElement {
  const col = (key: 'received' | 'processed' | 'finishedOnTime' | 'inProcessInTime' | 'finishedOverdue' | 'inProcessOverdue') => dashboardText(counted === 'steps' ? `steps.col.${key}` : `col.${key}`);
  return table<BreakdownRow>(
    'ws-breakdown',
    [
      { header: 'ws.dash.col.label', value: (row) => row.label },
      // The rate's parts beside it: denominator = the four counts after it (paused dossiers with those in process).
      { header: col('received'), value: (row) => count(row.received), numeric: true },
      { header: col('processed'), value: (row) => count(row.processed), numeric: true },
      { header: col('finishedOnTime'), value: (row) => count(row.finishedEarly + row.finishedOnTime), numeric: true },
      { header: col('inProcessInTime'), value: (row) => count(row.inProcessInTime + row.pausedInTime), numeric: true },
      { header: col('finishedOverdue'), value: (row) => count(row.finishedOverdue), numeric: true },
      { header: col('inProcessOverdue'), value: (row) => count(row.inProcessOverdue + row.pausedOverdue), numeric: true },
      { header: 'ws.dash.col.nearlyDueSteps', value: (row) => count(row.nearlyDueSteps), numeric: true },
      { header: 'ws.dash.col.overdueSteps', value: (row) => count(row.overdueSteps), numeric: true },
      { header: 'ws.dash.col.onTimeRate', value: (row) => (row.onTimeRate === null ? element('span', { text: '—', attrs: { title: dashboardText('noRateCell') } }) : formatPercent(row.onTimeRate)), numeric: true },
      { header: 'ws.dash.col.averageDays', value: (row) => formatNumber(row.averageProcessingDays), numeric: true },
    ],
    rows,
    (row) => ({ dataset: { key: row.key }, onClick: () => onSelect(row) }),
  );
}

export function delayTable(rows: DelayRow[]): HTMLElement {
  return table<DelayRow>(
    'ws-delays',
    [
      { header: 'ws.dash.col.agency', value: (row) => row.label },
      { header: 'ws.dash.col.dossiersDelayed', value: (row) => count(row.dossiersDelayed), numeric: true },
      { header: 'ws.dash.col.overrunHours', value: (row) => formatNumber(row.overrunWorkingHours), numeric: true },
      { header: 'ws.dash.col.apologies', value: (row) => count(row.apologiesIssued), numeric: true },
    ],
    rows,
    (row) => ({ dataset: { key: row.agencyId } }),
  );
}

const dossierLink = (id: string, code: string) => element('a', { className: 'ws-code', text: code, attrs: { href: `/inbox/dossiers/${encodeURIComponent(id)}`, 'data-link': '' } });

export function stepList(items: StepItem[], unitName: (agencyId?: string, departmentId?: string) => string): HTMLElement {
  return table<StepItem>(
    'ws-drill-steps',
    [
      { header: 'ws.col.dossierCode', value: (row) => dossierLink(row.dossierId, row.dossierCode) },
      { header: 'ws.col.step', value: (row) => row.stepName },
      { header: 'ws.dash.col.unit', value: (row) => unitName(row.agencyId, row.departmentId) },
      { header: 'ws.col.assignee', value: (row) => row.assigneeId ?? t('ws.inbox.unassigned') },
      { header: 'ws.col.dueAt', value: (row) => formatDateTime(row.dueAt) },
      { header: 'ws.col.state', value: (row) => markBadge(row.mark as InboxMark) },
    ],
    items,
    (row) => ({ dataset: { dossierCode: row.dossierCode } }),
  );
}

export function dossierList(items: DossierItem[]): HTMLElement {
  return table<DossierItem>(
    'ws-drill-dossiers',
    [
      { header: 'ws.col.dossierCode', value: (row) => dossierLink(row.dossierId, row.dossierCode) },
      { header: 'ws.timeline.status', value: (row) => statusLabel(row.status) },
      { header: 'ws.dossier.receivedAt', value: (row) => formatDateTime(row.receivedAt) },
      { header: 'ws.dossier.appointmentAt', value: (row) => formatDateTime(row.appointmentAt) },
      { header: 'ws.dash.col.classification', value: (row) => t(`ws.dash.class.${row.classification}` as MessageKey) },
    ],
    items,
    (row) => ({ dataset: { dossierCode: row.dossierCode } }),
  );
}
