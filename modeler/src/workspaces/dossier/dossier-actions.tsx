/**
 * @module DossierActions — one clear set of actions per state of the dossier and of its step, for the official who
 * may act: a step nobody claimed offers the claim alone; a claimed step offers one chooser (complete with approval
 * or refusal, ask for a supplement listing every missing component — form 02, given once —, return to an earlier
 * step, and for heads hand it to another official) with the fields of the chosen action and one button; a dossier
 * waiting for the citizen offers recording the supplement alone; a closed dossier, nothing. Each field says what is
 * wrong beside it, and nothing is sent until every field is right.
 */
import { useState } from 'preact/hooks';
import { ApiProblem } from '../../api/api-client';
import { currentLocale, t, type MessageKey } from '../../i18n/locale';
import { problemMessage } from '../common/problem-message';
import { workspaceApi, type CurrentUser, type DossierView } from '../common/workspace-api';
import { formatDateTime, remainingText, statusLabel } from '../common/workspace-format';
import type { InboxStep } from '../inbox/inbox-api';

export interface ActionProps {
  dossier: DossierView;
  user: CurrentUser;
  /** Open steps of this dossier the user may act on. */
  steps: InboxStep[];
  /** User tasks the dossier already passed through, for "return to an earlier step". */
  earlierSteps: { elementId: string; name: string }[];
  /** After a change succeeded, with the sentence to show. */
  done(message: string): void;
  /** When the dossier changed under the page (409): show the refusal and reload. */
  stale(message: string): void;
}

type Choice = 'approve' | 'reject' | 'supplement' | 'return' | 'reassign';
type Errors = Partial<Record<string, string>>;

const TERMINAL = new Set([3, 7, 8, 9, 10]);
const NOTE_MAX = 2000;

export function DossierActions(props: ActionProps) {
  const { dossier, user, steps } = props;
  if (user.role !== 'official' && user.role !== 'headOfUnit') return <p class="ws-empty">{t('ws.actions.readOnly')}</p>;
  if (TERMINAL.has(dossier.status)) return <p class="ws-empty">{t('off.dossier.finished', { status: statusLabel(dossier.status) })}</p>;
  if (dossier.status === 5 || dossier.status === 6) return <SupplementReceived {...props} />;
  const actionable = steps.filter((step) => !step.kind || step.kind === 'userTask');
  if (actionable.length === 0) return <p class="ws-empty">{t('ws.actions.none')}</p>;
  return (
    <div class="off-actions">
      {actionable.map((step) => (
        <StepCard step={step} {...props} key={step.id} />
      ))}
    </div>
  );
}

/** Runs one change: success reloads the page under a sentence, 409 reloads it under the refusal. */
function useRun(props: ActionProps) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');
  const run = async (action: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setFailure('');
    try {
      await action();
      props.done(message);
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 409) props.stale(problemMessage(error));
      else setFailure(problemMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return { busy, failure, run };
}

function StepCard(props: ActionProps & { step: InboxStep }) {
  const { step, user } = props;
  const { busy, failure, run } = useRun(props);
  const mine = step.assigneeId === user.id || (step.assigneeId !== undefined && user.role === 'headOfUnit');
  return (
    <div class="ws-step-card off-step-card" data-step-id={step.id}>
      <div class="ws-step-head">
        <strong>{step.name}</strong>
        <span class={`ws-badge ws-badge-${step.mark}`}>{t(`ws.mark.${step.mark}` as MessageKey)}</span>
        <span class="ws-remaining">{remainingText(step.mark, step.remainingMs)}</span>
      </div>
      <DueDate step={step} />
      {failure && (
        <p class="ws-error" role="alert">
          {failure}
        </p>
      )}
      {!step.assigneeId ? (
        <div class="off-claim">
          <p class="ws-muted">{t('off.dossier.claimFirst')}</p>
          <button type="button" class="lt-button lt-primary" disabled={busy} onClick={() => void run(() => workspaceApi.claim(step.id), t('ws.done.claimed', { step: step.name }))}>
            {t('ws.action.claim')}
          </button>
        </div>
      ) : mine ? (
        <ActionChooser {...props} busy={busy} run={run} />
      ) : (
        <p class="ws-muted">{t('off.dossier.assignedTo', { name: step.assigneeId })}</p>
      )}
    </div>
  );
}

function DueDate({ step }: { step: InboxStep }) {
  const text = step.dueText?.[currentLocale() === 'en' ? 'en' : 'vi'];
  return (
    <div class="off-due">
      <span class="off-due-at">
        {t('off.dossier.dueAt')}: <b class="off-due-value">{formatDateTime(step.dueAt)}</b>
      </span>
      <p class="off-due-text">{text ?? (step.dueAt ? t('off.dossier.duePaused') : '')}</p>
    </div>
  );
}

function ActionChooser(props: ActionProps & { step: InboxStep; busy: boolean; run: ReturnType<typeof useRun>['run'] }) {
  const { step, user, dossier, earlierSteps, busy, run } = props;
  const choices: Choice[] = ['approve', 'reject', 'supplement', ...(earlierSteps.length > 0 ? (['return'] as const) : []), ...(user.role === 'headOfUnit' ? (['reassign'] as const) : [])];
  const [choice, setChoice] = useState<Choice>('approve');
  const [values, setValues] = useState<Record<string, string>>({ toElementId: earlierSteps[0]?.elementId ?? '' });
  const [errors, setErrors] = useState<Errors>({});
  const value = (name: string) => values[name] ?? '';
  const set = (name: string) => (event: Event) => setValues({ ...values, [name]: (event.target as HTMLInputElement).value });

  const check = (): Errors => {
    const found: Errors = {};
    const long = (name: string) => value(name).length > NOTE_MAX && (found[name] = t('off.dossier.tooLong', { max: NOTE_MAX }));
    long('note');
    long('reason');
    long('missingComponents');
    if (choice === 'reject' && !value('note').trim()) found.note = t('off.dossier.reasonRequired');
    if (choice === 'supplement') {
      if (!value('missingComponents').trim()) found.missingComponents = t('off.dossier.missingRequired');
      if (!value('reason').trim()) found.reason = t('off.dossier.reasonRequired');
    }
    if (choice === 'return' && !value('reason').trim()) found.reason = t('off.dossier.reasonRequired');
    if (choice === 'reassign' && !value('assigneeId').trim()) found.assigneeId = t('off.dossier.assigneeRequired');
    return found;
  };

  const submit = (event: Event) => {
    event.preventDefault();
    const found = check();
    setErrors(found);
    if (Object.keys(found).length > 0) {
      (event.target as HTMLFormElement).querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const note = value('note').trim();
    const reason = value('reason').trim();
    if (choice === 'approve' || choice === 'reject') {
      void run(() => workspaceApi.complete(step.id, { decision: choice, ...(note ? { note } : {}) }), t('ws.done.completed', { step: step.name }));
    } else if (choice === 'supplement') {
      const missingComponents = value('missingComponents').split('\n').map((line) => line.trim()).filter(Boolean).map((name) => ({ name }));
      const body = { stepId: step.id, missingComponents, reason, contactOfficial: { name: user.displayName } };
      void run(() => workspaceApi.dossierAction(dossier.id, 'supplement-requests', body), t('ws.done.supplementRequested'));
    } else if (choice === 'return') {
      void run(() => workspaceApi.returnStep(step.id, { toElementId: value('toElementId'), reason }), t('ws.done.returned'));
    } else {
      void run(() => workspaceApi.reassign(step.id, { assigneeId: value('assigneeId').trim(), ...(reason ? { reason } : {}) }), t('ws.done.reassigned'));
    }
  };

  const field = (name: string, label: string, control: preact.JSX.Element) => (
    <label class="ws-field" key={name}>
      <span>{label}</span>
      {control}
      {errors[name] && (
        <span class="off-field-error" id={`off-error-${step.id}-${name}`} role="alert">
          {errors[name]}
        </span>
      )}
    </label>
  );
  const textarea = (name: string, rows: number, placeholder?: string) => (
    <textarea
      name={name}
      rows={rows}
      value={value(name)}
      placeholder={placeholder}
      aria-invalid={errors[name] ? 'true' : undefined}
      aria-describedby={errors[name] ? `off-error-${step.id}-${name}` : undefined}
      onInput={set(name)}
    />
  );

  return (
    <form class="ws-form off-chooser" data-choice={choice} onSubmit={submit} noValidate>
      <fieldset class="off-choices">
        <legend>{t('off.dossier.choose')}</legend>
        {choices.map((option) => (
          <label class="off-choice" key={option}>
            <input
              type="radio"
              name={`choice-${step.id}`}
              value={option}
              checked={choice === option}
              onChange={() => {
                setChoice(option);
                setErrors({});
              }}
            />
            <span>{t(`off.dossier.do.${option}` as MessageKey)}</span>
          </label>
        ))}
      </fieldset>
      {(choice === 'approve' || choice === 'reject') && field('note', choice === 'reject' ? t('ws.actions.reason') : t('ws.actions.note'), textarea('note', 2))}
      {choice === 'supplement' && field('missingComponents', t('ws.actions.missingComponents'), textarea('missingComponents', 3, t('ws.actions.missingHint')))}
      {choice === 'return' &&
        field(
          'toElementId',
          t('ws.actions.returnTo'),
          <select name="toElementId" value={value('toElementId')} onChange={set('toElementId')}>
            {earlierSteps.map((earlier) => (
              <option value={earlier.elementId} key={earlier.elementId}>
                {earlier.name}
              </option>
            ))}
          </select>,
        )}
      {choice === 'reassign' &&
        field(
          'assigneeId',
          t('ws.actions.assignee'),
          <input name="assigneeId" value={value('assigneeId')} placeholder="u-official-…" aria-invalid={errors.assigneeId ? 'true' : undefined} onInput={set('assigneeId')} />,
        )}
      {(choice === 'supplement' || choice === 'return' || choice === 'reassign') && field('reason', t('ws.actions.reason'), textarea('reason', 2))}
      <button type="submit" class="lt-button lt-primary" disabled={busy}>
        {t(`off.dossier.submit.${choice}` as MessageKey)}
      </button>
    </form>
  );
}

function SupplementReceived(props: ActionProps) {
  const { busy, failure, run } = useRun(props);
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const submit = (event: Event) => {
    event.preventDefault();
    if (note.length > NOTE_MAX) return setError(t('off.dossier.tooLong', { max: NOTE_MAX }));
    setError('');
    void run(() => workspaceApi.dossierAction(props.dossier.id, 'supplements', note.trim() ? { note: note.trim() } : {}), t('ws.done.supplementReceived'));
  };
  return (
    <form class="ws-form ws-step-card off-supplement-received" onSubmit={submit} noValidate>
      <h4>{t('ws.actions.supplementReceived')}</h4>
      <p class="ws-muted">{t('off.dossier.waitingCitizen')}</p>
      {failure && (
        <p class="ws-error" role="alert">
          {failure}
        </p>
      )}
      <label class="ws-field">
        <span>{t('ws.actions.note')}</span>
        <textarea name="note" rows={2} value={note} aria-invalid={error ? 'true' : undefined} onInput={(event) => setNote((event.target as HTMLTextAreaElement).value)} />
        {error && (
          <span class="off-field-error" role="alert">
            {error}
          </span>
        )}
      </label>
      <button type="submit" class="lt-button lt-primary" disabled={busy}>
        {t('ws.actions.supplementReceivedSubmit')}
      </button>
    </form>
  );
}
