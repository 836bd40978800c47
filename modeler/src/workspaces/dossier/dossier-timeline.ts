/**
 * @module dossierTimeline — the progress records as the process control slip (form 05) shows them: one row per
 * change, and for each hand-over whether the step finished early, on time or overdue against its own due time.
 */
import { t, type MessageKey } from '../../i18n/locale';
import type { AgencyNames } from '../common/agency-names';
import { element } from '../common/element';
import type { ProgressRecord } from '../common/workspace-api';
import { formatDateTime, statusLabel } from '../common/workspace-format';

const KNOWN_ACTIONS = new Set([
  'dossier.submitted', 'dossier.received', 'processing.started', 'step.handed_over', 'step.returned', 'step.reassigned',
  'supplement.requested', 'supplement.received', 'supplement.window_closed', 'fees.requested', 'fees.paid', 'dossier.refused',
  'dossier.withdrawn', 'processing.stopped', 'dossier.finished', 'result.returned', 'dossier.reappointed',
]);

type Result = 'early' | 'onTime' | 'overdue';

/** A hand-over before its step's due time is early, at it on time, after it overdue (DOMAIN.md "Early, on time, overdue"). */
export function handOverResult(record: ProgressRecord): Result | undefined {
  if (record.action !== 'step.handed_over' || !record.stepDueAt) return undefined;
  const at = Date.parse(record.at);
  const due = Date.parse(record.stepDueAt);
  return at < due ? 'early' : at === due ? 'onTime' : 'overdue';
}

export function renderTimeline(records: ProgressRecord[], stepNames: Map<string, string>, names: AgencyNames): HTMLElement {
  if (records.length === 0) return element('p', { className: 'ws-empty', text: t('ws.timeline.empty') });
  const head = element('tr', {}, ...['ws.timeline.at', 'ws.timeline.action', 'ws.timeline.step', 'ws.timeline.unit', 'ws.timeline.status', 'ws.timeline.due', 'ws.timeline.result'].map((key) => element('th', { text: t(key as MessageKey), attrs: { scope: 'col' } })));
  const rows = records.map((record) => {
    const result = handOverResult(record);
    const action = KNOWN_ACTIONS.has(record.action) ? t(`ws.action.${record.action}` as MessageKey) : record.action;
    return element(
      'tr',
      { dataset: { action: record.action } },
      element('td', { text: formatDateTime(record.at) }),
      element('td', {}, action, record.note ? element('div', { className: 'ws-note', text: record.note }) : null),
      element('td', { text: record.stepElementId ? (stepNames.get(record.stepElementId) ?? record.stepElementId) : '' }),
      element('td', { text: names.department(record.departmentId) }),
      element('td', { text: statusLabel(record.status) }),
      element('td', { text: formatDateTime(record.stepDueAt) }),
      element('td', {}, result ? element('span', { className: `ws-badge ws-result-${result}`, text: t(`ws.result.${result}`) }) : null),
    );
  });
  return element('table', { className: 'ws-table ws-timeline' }, element('thead', {}, head), element('tbody', {}, ...rows));
}
