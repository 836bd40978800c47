/**
 * @module DossierTimeline — the progress records as the process control slip (form 05) shows them: one row per
 * change, and at each hand-over whether the step handed over before it finished early, on time or overdue.
 */
import { t, type MessageKey } from '../../i18n/locale';
import type { AgencyNames } from '../common/agency-names';
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

const COLUMNS: MessageKey[] = ['ws.timeline.at', 'ws.timeline.action', 'ws.timeline.step', 'ws.timeline.unit', 'ws.timeline.status', 'ws.timeline.due', 'ws.timeline.result'];

export function DossierTimeline({ records, stepNames, names }: { records: ProgressRecord[]; stepNames: Map<string, string>; names: AgencyNames }) {
  if (records.length === 0) return <p class="ws-empty">{t('ws.timeline.empty')}</p>;
  const results = previousStepResults(records);
  const labels = COLUMNS.map((key) => t(key));
  return (
    <table class="ws-table ws-timeline off-cards">
      <thead>
        <tr>
          {labels.map((label) => (
            <th scope="col" key={label}>
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {records.map((record) => {
          const result = results.get(record.seq);
          const stepName = record.stepElementId ? (stepNames.get(record.stepElementId) ?? record.stepElementId) : '';
          const action = KNOWN_ACTIONS.has(record.action) ? t(`ws.action.${record.action}` as MessageKey) : record.action;
          return (
            <tr data-action={record.action} key={record.seq}>
              <td data-label={labels[0]}>{formatDateTime(record.at)}</td>
              <td data-label={labels[1]}>
                {action}
                {record.note && record.note !== stepName && <div class="ws-note">{record.note}</div>}
              </td>
              <td data-label={labels[2]}>{stepName}</td>
              <td data-label={labels[3]}>{names.department(record.departmentId)}</td>
              <td data-label={labels[4]}>{statusLabel(record.status)}</td>
              <td data-label={labels[5]}>{formatDateTime(record.stepDueAt)}</td>
              <td data-label={labels[6]}>{result && <span class={`ws-badge ws-result-${result}`}>{t(`ws.result.${result}`)}</span>}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
