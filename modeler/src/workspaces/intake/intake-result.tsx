/**
 * @module IntakeResult — what the counter hands the citizen: the dossier code, and by outcome form 01 (receipt with
 * the appointment, its QR code, and how the appointment was counted on the working calendar), form 02 (what to
 * supplement) or form 03 (why it was refused), shown on the page ready to print.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { currentLocale, t } from '../../i18n/locale';
import { problemMessage } from '../common/problem-message';
import { formatDateTime, statusLabel } from '../common/workspace-format';
import { intakeApi, type IntakeAnswer, type IntakeOutcome } from './intake-api';

export interface UploadState {
  total: number;
  done: number;
  /** Why the scans not stored failed (one message for all). */
  failed: number;
  detail?: string;
}

export interface IntakeResultProps {
  answer: IntakeAnswer;
  kind: IntakeOutcome['kind'];
  uploads: UploadState;
  onRetryUploads(): void;
  onAnother(): void;
}

const FORM_OF: Record<IntakeOutcome['kind'], '01' | '02' | '03'> = { accepted: '01', supplementRequested: '02', refused: '03' };

export function IntakeResult({ answer, kind, uploads, onRetryUploads, onAnother }: IntakeResultProps) {
  const form = FORM_OF[kind];
  const [formUrl, setFormUrl] = useState<string | undefined>(undefined);
  const [formError, setFormError] = useState<string | undefined>(undefined);
  const frame = useRef<HTMLIFrameElement>(null);

  useEffect(() => {
    let url: string | undefined;
    let closed = false;
    intakeApi
      .form(answer.id, form)
      .then((blob) => {
        if (closed) return;
        url = URL.createObjectURL(new Blob([blob], { type: 'text/html' }));
        setFormUrl(url);
      })
      .catch((error: unknown) => !closed && setFormError(problemMessage(error)));
    return () => {
      closed = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [answer.id, form]);

  const uploading = uploads.done + uploads.failed < uploads.total;
  return (
    <section class={`intake-result intake-result-${kind}`} aria-live="polite">
      <h3 class="intake-result-title">{t(`intake.done.${kind}`)}</h3>
      <dl class="ws-fields intake-result-fields">
        <dt>{t('intake.dossierCode')}</dt>
        <dd class="ws-code intake-dossier-code">{answer.dossierCode}</dd>
        <dt>{t('intake.status')}</dt>
        <dd class="intake-status">{statusLabel(answer.status)}</dd>
        {kind === 'accepted' && answer.appointmentAt && (
          <>
            <dt>{t('intake.appointment')}</dt>
            <dd class="intake-appointment">{formatDateTime(answer.appointmentAt)}</dd>
          </>
        )}
        {kind === 'accepted' && answer.appointmentExplanation && (
          <>
            <dt>{t('intake.explanation')}</dt>
            <dd class="intake-explanation">{answer.appointmentExplanation[currentLocale()]}</dd>
          </>
        )}
      </dl>
      {uploads.total > 0 && (
        <p class={uploads.failed > 0 ? 'ws-error intake-uploads' : 'ws-ok intake-uploads'} role={uploads.failed > 0 ? 'alert' : undefined}>
          {uploading
            ? t('intake.uploading', { done: uploads.done, total: uploads.total })
            : uploads.failed > 0
              ? t('intake.uploadFailed', { n: uploads.failed, detail: uploads.detail ?? '' })
              : t('intake.uploaded', { n: uploads.done })}
          {!uploading && uploads.failed > 0 && (
            <button type="button" class="lt-button intake-retry" onClick={onRetryUploads}>
              {t('intake.retryUploads')}
            </button>
          )}
        </p>
      )}
      <div class="intake-form">
        <div class="intake-form-head">
          <h4>{t(`intake.form.${form}`)}</h4>
          <div class="ui-actions">
            <button type="button" class="lt-button lt-primary intake-print" disabled={!formUrl} onClick={() => frame.current?.contentWindow?.print()}>
              {t('intake.print')}
            </button>
            <button type="button" class="lt-button intake-open-form" disabled={!formUrl} onClick={() => formUrl && window.open(formUrl, '_blank', 'noopener')}>
              {t('intake.openForm')}
            </button>
            <button type="button" class="lt-button intake-another" onClick={onAnother}>
              {t('intake.another')}
            </button>
          </div>
        </div>
        {formError && (
          <p class="ws-error" role="alert">
            {formError}
          </p>
        )}
        {formUrl ? <iframe ref={frame} class="intake-form-frame" src={formUrl} title={t(`intake.form.${form}`)} data-form={form} /> : !formError && <p class="ui-hint">{t('intake.formLoading')}</p>}
      </div>
    </section>
  );
}
