/**
 * @module dossierTimeline — the progress records as the process control slip (form 05) shows them: one row per
 * change, and at each hand-over whether the step handed over before it finished early, on time or overdue.
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

/**
 * Each hand-over (a step activated) closes the step handed over before it: that step was early if this hand-over
 * came before its due time, on time at it, overdue after (DOMAIN.md "Early, on time, overdue"; form 05 shows it
 * against the previous step). Keyed by the record's `seq`.
 */
export function previousStepResults(records: ProgressRecord[]): Map<number, Result> {
  const results = new Map<number, Result>();
  let previousDue: string | undefined;
  for (const record of records) {
    if (record.action !== 'step.handed_over') continue;
    if (previousDue) {
      const at = Date.parse(record.at);
      const due = Date.parse(previousDue);
      results.set(record.seq, at < due ? 'early' : at === due ? 'onTime' : 'overdue');
    }
    previousDue = record.stepDueAt;
  }
  return results;
}

export function renderTimeline(records: ProgressRecord[], stepNames: Map<string, string>, names: AgencyNames): HTMLElement {
  if (records.length === 0) return element('p', { className: 'ws-empty', text: t('ws.timeline.empty') });
  const head = element('tr', {}, ...['ws.timeline.at', 'ws.timeline.action', 'ws.timeline.step', 'ws.timeline.unit', 'ws.timeline.status', 'ws.timeline.due', 'ws.timeline.result'].map((key) => element('th', { text: t(key as MessageKey), attrs: { scope: 'col' } })));
  const results = previousStepResults(records);
  const rows = records.map((record) => {
    const result = results.get(record.seq);
    const stepName = record.stepElementId ? (stepNames.get(record.stepElementId) ?? record.stepElementId) : '';
    const action = KNOWN_ACTIONS.has(record.action) ? t(`ws.action.${record.action}` as MessageKey) : record.action;
    return element(
      'tr',
      { dataset: { action: record.action } },
      element('td', { text: formatDateTime(record.at) }),
      element('td', {}, action, record.note && record.note !== stepName ? element('div', { className: 'ws-note', text: record.note }) : null),
      element('td', { text: stepName }),
      element('td', { text: names.department(record.departmentId) }),
      element('td', { text: statusLabel(record.status) }),
      element('td', { text: formatDateTime(record.stepDueAt) }),
      element('td', {}, result ? element('span', { className: `ws-badge ws-result-${result}`, text: t(`ws.result.${result}`) }) : null),
    );
  });
  return element('table', { className: 'ws-table ws-timeline' }, element('thead', {}, head), element('tbody', {}, ...rows));
}
