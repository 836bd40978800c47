/**
 * @module IntakeOutcome — the last step at the counter (Decree 61/2018/NĐ-CP Art. 19(2)): receive the dossier (form
 * 01), ask on the spot for what is missing (form 02, the required components not ticked proposed, others written in),
 * or refuse it with the reason (form 03). The buttons stay disabled while a request is pending.
 */
import { useState } from 'preact/hooks';
import type { RequiredComponent } from '../../../../engine/src/model/procedure-definition';
import { t } from '../../i18n/locale';
import type { IntakeOutcome as Outcome } from './intake-api';

export interface IntakeOutcomeProps {
  /** Required components not ticked on the checklist: they block a receipt and are proposed for form 02. */
  missing: RequiredComponent[];
  pending: boolean;
  onSubmit(outcome: Outcome): void;
  onBack(): void;
}

type Mode = 'choose' | 'supplement' | 'refuse';

export function IntakeOutcome({ missing, pending, onSubmit, onBack }: IntakeOutcomeProps) {
  const [mode, setMode] = useState<Mode>('choose');
  const [reason, setReason] = useState('');
  const [picked, setPicked] = useState<Set<string>>(() => new Set(missing.map((c) => c.id)));
  const [other, setOther] = useState('');
  const [errors, setErrors] = useState<{ reason?: string; missing?: string; accept?: string }>({});

  const accept = () => {
    if (missing.length > 0) return setErrors({ accept: t('intake.acceptNeedsAll', { n: missing.length }) });
    setErrors({});
    onSubmit({ kind: 'accepted' });
  };

  const confirm = (event: Event) => {
    event.preventDefault();
    const next: typeof errors = {};
    if (!reason.trim()) next.reason = t('intake.error.reason');
    const listed = [
      ...missing.filter((c) => picked.has(c.id)).map((c) => ({ name: c.name })),
      ...other.split('\n').map((line) => line.trim()).filter(Boolean).map((name) => ({ name: name.slice(0, 300) })),
    ];
    if (mode === 'supplement' && listed.length === 0) next.missing = t('intake.error.missing');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    onSubmit(mode === 'supplement' ? { kind: 'supplementRequested', missingComponents: listed, reason: reason.trim() } : { kind: 'refused', reason: reason.trim() });
  };

  if (mode === 'choose') {
    return (
      <div class="intake-outcome">
        {errors.accept && (
          <p class="ui-field-error" role="alert">
            {errors.accept}
          </p>
        )}
        <div class="ui-actions">
          <button type="button" class="lt-button" onClick={onBack} disabled={pending}>
            {t('intake.back')}
          </button>
          <button type="button" class="lt-button lt-primary intake-accept" onClick={accept} disabled={pending} aria-busy={pending}>
            {pending ? t('intake.sending') : t('intake.accept')}
          </button>
          <button type="button" class="lt-button intake-supplement" onClick={() => setMode('supplement')} disabled={pending}>
            {t('intake.requestSupplement')}
          </button>
          <button type="button" class="lt-button intake-refuse" onClick={() => setMode('refuse')} disabled={pending}>
            {t('intake.refuse')}
          </button>
        </div>
      </div>
    );
  }

  return (
    <form class="intake-outcome intake-outcome-form" onSubmit={confirm} noValidate>
      <h3>{mode === 'supplement' ? t('intake.requestSupplement') : t('intake.refuse')}</h3>
      {mode === 'supplement' && (
        <fieldset class={`ui-field${errors.missing ? ' ui-field-invalid' : ''}`}>
          <legend>{t('intake.missing')}</legend>
          {missing.map((component) => (
            <label key={component.id} class="ui-radio">
              <input
                type="checkbox"
                name={`missing-${component.id}`}
                checked={picked.has(component.id)}
                onChange={(event) => {
                  const next = new Set(picked);
                  if (event.currentTarget.checked) next.add(component.id);
                  else next.delete(component.id);
                  setPicked(next);
                }}
              />
              {component.name}
            </label>
          ))}
          <label class="ui-field" for="missing-other">
            {t('intake.missingOther')}
            <textarea id="missing-other" name="missing-other" value={other} maxLength={3000} onInput={(event) => setOther(event.currentTarget.value)} />
          </label>
          {errors.missing && <span class="ui-field-error">{errors.missing}</span>}
        </fieldset>
      )}
      <div class={`ui-field${errors.reason ? ' ui-field-invalid' : ''}`}>
        <label for="outcome-reason">{mode === 'supplement' ? t('intake.reason.supplement') : t('intake.reason.refuse')}</label>
        <textarea id="outcome-reason" name="reason" value={reason} maxLength={2000} aria-invalid={errors.reason ? 'true' : undefined} onInput={(event) => setReason(event.currentTarget.value)} />
        {errors.reason && <span class="ui-field-error">{errors.reason}</span>}
      </div>
      <div class="ui-actions">
        <button type="button" class="lt-button" onClick={() => setMode('choose')} disabled={pending}>
          {t('intake.cancel')}
        </button>
        <button type="submit" class="lt-button lt-primary" disabled={pending} aria-busy={pending}>
          {pending ? t('intake.sending') : mode === 'supplement' ? t('intake.confirmSupplement') : t('intake.confirmRefuse')}
        </button>
      </div>
    </form>
  );
}
