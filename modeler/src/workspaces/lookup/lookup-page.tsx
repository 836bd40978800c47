/**
 * @module lookupPage — `/lookup`, the citizen's page (no sign-in): dossier code and ID number in; out, the status in
 * plain words, the appointment and how it was counted, each step with its dates and due date (and how that was
 * counted: working days, days not counted, pauses). When the dossier waits for a supplement (status 5): what form 02
 * listed as missing, the reason, whom to contact and the deadline to bring them, with an upload form that sends each
 * missing component and records the supplement online (the token of the lookup, kept in memory only); and a switch per
 * channel the province sends messages through (Zalo, SMS), to turn it off for this dossier (notification-choices.tsx). The server
 * answers an unknown code and a wrong ID number alike, so the page does too. `?code=` fills the code (the receipt's link).
 * Once the result is signed, the verdict on its signature (checked by the server at this lookup) and its download.
 */
import { useState } from 'preact/hooks';
import { ApiProblem } from '../../api/api-client';
import { currentLocale, t, type MessageKey } from '../../i18n/locale';
import { SignatureVerdictView } from '../common/signature-verdict';
import { formatDateTime, statusLabel } from '../common/workspace-format';
import { portalApi, type LocalizedText, type LookupView, type SupplementAsked } from '../portal/portal-api';
import { FileInput, Message, problemText, TextInput } from '../portal/portal-parts';
import { NotificationChoices } from './notification-choices';
import { OnlineFee } from './online-fee';
import '../workspaces.css';
import '../portal/portal.css';

const say = (text: LocalizedText | undefined) => (text ? text[currentLocale()] : '');

interface Asked {
  code: string;
  idNumber: string;
}

function Explanation({ label, text }: { label: string; text: LocalizedText | undefined }) {
  if (!text) return null;
  return (
    <details class="portal-explain">
      <summary>{label}</summary>
      <p>{say(text)}</p>
    </details>
  );
}

function Steps({ view }: { view: LookupView }) {
  if (view.steps.length === 0) return <p class="ws-empty">{t('ws.lookup.noSteps')}</p>;
  return (
    <ol class="ws-lookup-steps portal-steps">
      {view.steps.map((step, index) => (
        <li key={index} class={`ws-lookup-step ws-lookup-${step.state}`}>
          <strong>{step.name}</strong>
          <span class="ws-muted"> — {t(`ws.lookup.state.${step.state}` as MessageKey)}</span>
          {step.paused && <span class="ws-badge ws-badge-paused portal-paused">{t('portal.lookup.paused')}</span>}
          <div class="ws-muted">
            {step.endedAt ? t('ws.lookup.fromTo', { from: formatDateTime(step.startedAt), to: formatDateTime(step.endedAt) }) : t('ws.lookup.since', { from: formatDateTime(step.startedAt) })}
          </div>
          {step.dueAt && <div class="ws-muted portal-step-due">{t('portal.lookup.stepDue', { at: formatDateTime(step.dueAt) })}</div>}
          <Explanation label={t('portal.lookup.howCounted')} text={step.dueExplanation} />
        </li>
      ))}
    </ol>
  );
}

interface SupplementProps {
  supplement: SupplementAsked;
  view: LookupView;
  asked: Asked;
  onSent(): void;
}

/** Form 02 as the citizen reads it, and the online supplement: one file per missing component, then "send". */
function Supplement({ supplement, view, asked, onSent }: SupplementProps) {
  const [files, setFiles] = useState<Record<number, { file?: File; error?: string }>>({});
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [sending, setSending] = useState(false);
  const official = supplement.contactOfficial;

  async function send() {
    const chosen = supplement.missingComponents.map((component, index) => ({ component, index, ...files[index] })).filter((entry) => entry.file && !entry.error);
    if (Object.values(files).some((entry) => entry.error)) return;
    if (chosen.length === 0) return setError(t('portal.supplement.atLeastOne'));
    setError(undefined);
    setSending(true);
    let token = view.citizenToken;
    try {
      for (const entry of chosen) {
        try {
          await portalApi.upload(token!.dossierId, token!.token, entry.file!, entry.component.name);
        } catch (problem) {
          // The lookup's token is short-lived: look again (code + ID number are still here) and retry once.
          if (!(problem instanceof ApiProblem && problem.status === 401)) {
            setFiles((current) => ({ ...current, [entry.index]: { file: entry.file, error: problemText(problem, entry.file!.name) } }));
            return;
          }
          token = (await portalApi.lookup(asked.code, asked.idNumber)).citizenToken;
          await portalApi.upload(token!.dossierId, token!.token, entry.file!, entry.component.name);
        }
      }
      await portalApi.sendSupplement(token!.dossierId, token!.token, note.trim() || undefined);
      onSent();
    } catch (problem) {
      setError(problemText(problem));
    } finally {
      setSending(false);
    }
  }

  return (
    <section class="portal-card portal-supplement" aria-labelledby="portal-supplement-title">
      <h3 id="portal-supplement-title">{t('portal.supplement.title')}</h3>
      <dl class="portal-pairs">
        <dt>{t('portal.supplement.reason')}</dt>
        <dd>{supplement.reason}</dd>
        <dt>{t('portal.supplement.contact')}</dt>
        <dd>{[official.name, official.unit, official.phone, official.email].filter(Boolean).join(' · ')}</dd>
        <dt>{t('portal.supplement.deadline')}</dt>
        <dd>
          <strong class="portal-deadline">{supplement.deadlineAt ? formatDateTime(supplement.deadlineAt) : t('portal.supplement.noDeadline')}</strong>
          <p class="portal-deadline-text">{say(supplement.deadlineExplanation)}</p>
        </dd>
      </dl>
      <h4>{t('portal.supplement.missing')}</h4>
      <ol class="portal-missing">
        {supplement.missingComponents.map((component, index) => (
          <li key={index}>
            <strong>{component.name}</strong>
            {component.detail && <span class="ws-muted"> — {component.detail}</span>}
          </li>
        ))}
      </ol>
      {view.citizenToken && (
        <form class="portal-upload" noValidate onSubmit={(event) => { event.preventDefault(); void send(); }}>
          <h4>{t('portal.supplement.upload')}</h4>
          <p class="ws-muted">{t('portal.components.hint')}</p>
          {supplement.missingComponents.map((component, index) => (
            <FileInput
              key={index}
              name={`missing-${index}`}
              label={component.name}
              file={files[index]?.file}
              error={files[index]?.error}
              onFile={(file, fileError) => {
                setFiles({ ...files, [index]: { file, error: fileError } });
                setError(undefined);
              }}
            />
          ))}
          <div class="portal-field">
            <label for="portal-note">{`${t('portal.supplement.note')} ${t('portal.optional')}`}</label>
            <textarea id="portal-note" name="note" rows={2} maxLength={1000} value={note} onInput={(event) => setNote((event.target as HTMLTextAreaElement).value)} />
          </div>
          {error && <p class="portal-error" role="alert">{error}</p>}
          <div class="portal-actions">
            <button type="submit" class="lt-button lt-primary" disabled={sending}>{sending ? t('portal.loading') : t('portal.supplement.send')}</button>
          </div>
        </form>
      )}
    </section>
  );
}

/** The signed result: the verdict, then the download (a plain link: the lookup's code and ID number are its key). */
function Result({ result, asked }: { result: NonNullable<LookupView['result']>; asked: Asked }) {
  const href = `/api/lookup/result?${new URLSearchParams({ code: asked.code, idNumber: asked.idNumber })}`;
  return (
    <section class="ws-card portal-card portal-result" aria-labelledby="portal-result-title">
      <h3 id="portal-result-title">{t('ws.result.title')}</h3>
      <p class="ws-muted">{t('ws.result.issuedAt', { at: formatDateTime(result.issuedAt) })}</p>
      <SignatureVerdictView verdict={result.signature} />
      {result.signature.valid ? (
        <a class="lt-button lt-primary" href={href} download={result.filename}>
          {t('ws.result.citizenDownload')}
        </a>
      ) : (
        <p class="portal-error" role="alert">{t('ws.result.citizenRefused')}</p>
      )}
    </section>
  );
}

function Answer({ view, asked, onSent }: { view: LookupView; asked: Asked; onSent(): void }) {
  const rows: [MessageKey, string | undefined][] = [
    ['ws.lookup.procedure', view.procedureName],
    ['portal.lookup.submittedAt', formatDateTime(view.submittedAt)],
    ['ws.dossier.receivedAt', formatDateTime(view.receivedAt)],
    ['ws.dossier.appointmentAt', formatDateTime(view.appointmentAt)],
    ['ws.dossier.finishedAt', formatDateTime(view.finishedAt)],
  ];
  return (
    <>
      <div class="ws-card portal-card">
        <p class="ws-lookup-status">
          {t('ws.lookup.status')} <strong class={`ws-status-badge ws-status-${view.status}`}>{statusLabel(view.status)}</strong>
        </p>
        <p class="ws-lookup-explain">{t(`ws.lookup.explain.${view.status}` as MessageKey)}</p>
        {view.retention && (
          <p class="ws-retention-expired" role="note">
            {view.retention.message}
          </p>
        )}
        <dl class="portal-pairs">
          {rows.filter(([, value]) => value).map(([key, value]) => <><dt>{t(key)}</dt><dd>{value}</dd></>)}
        </dl>
        <Explanation label={t('portal.lookup.explainAppointment')} text={view.appointmentExplanation} />
      </div>
      {view.result && <Result result={view.result} asked={asked} />}
      {view.notificationsToken && <NotificationChoices token={view.notificationsToken.token} />}
      {view.status === 5 && view.supplement && <Supplement supplement={view.supplement} view={view} asked={asked} onSent={onSent} />}
      {view.status === 6 && view.citizenToken && <OnlineFee dossierId={view.citizenToken.dossierId} token={view.citizenToken.token} />}
      <div class="ws-card portal-card">
        <h3>{t('ws.lookup.steps')}</h3>
        <Steps view={view} />
      </div>
    </>
  );
}

export function LookupPage() {
  const [code, setCode] = useState(() => new URLSearchParams(location.search).get('code') ?? '');
  const [idNumber, setIdNumber] = useState('');
  const [errors, setErrors] = useState<{ code?: string; idNumber?: string }>({});
  const [view, setView] = useState<LookupView | undefined>();
  const [asked, setAsked] = useState<Asked | undefined>();
  const [outcome, setOutcome] = useState<{ kind: 'error' | 'ok' | 'notFound'; text: string } | undefined>();
  const [loading, setLoading] = useState(false);

  async function look(question: Asked, after?: { kind: 'ok'; text: string }) {
    setLoading(true);
    try {
      setView(await portalApi.lookup(question.code, question.idNumber));
      setAsked(question);
      setOutcome(after);
    } catch (error) {
      setView(undefined);
      setOutcome(error instanceof ApiProblem && error.status === 404 ? { kind: 'notFound', text: t('ws.lookup.notFound') } : { kind: 'error', text: problemText(error) });
    } finally {
      setLoading(false);
    }
  }

  function submit(event: Event) {
    event.preventDefault();
    const found = { code: code.trim() ? undefined : t('portal.error.code'), idNumber: idNumber.trim() ? undefined : t('portal.error.idNumberLookup') };
    setErrors(found);
    if (found.code || found.idNumber) return;
    void look({ code: code.trim(), idNumber: idNumber.trim() });
  }

  return (
    <section class="ws-lookup portal-page">
      <h2 class="ws-title portal-title">{t('ws.lookup.title')}</h2>
      <p class="ws-subtitle">{t('ws.lookup.hint')}</p>
      <form class="portal-card portal-lookup-form" noValidate onSubmit={submit}>
        <TextInput name="code" label={t('ws.lookup.code')} value={code} error={errors.code} maxLength={64} onInput={setCode} />
        <TextInput name="idNumber" label={t('ws.lookup.idNumber')} value={idNumber} error={errors.idNumber} inputMode="numeric" maxLength={32} onInput={setIdNumber} />
        <div class="portal-actions">
          <button type="submit" class="lt-button lt-primary" disabled={loading}>{t('ws.lookup.submit')}</button>
        </div>
      </form>
      <div class="ws-lookup-result" aria-live="polite">
        {loading && <p class="ws-muted">{t('ws.loading')}</p>}
        {outcome?.kind === 'notFound' && <p class="ws-not-found" role="alert">{outcome.text}</p>}
        {outcome && outcome.kind !== 'notFound' && <Message kind={outcome.kind} text={outcome.text} />}
        {view && asked && <Answer view={view} asked={asked} onSent={() => void look(asked, { kind: 'ok', text: t('portal.supplement.sent') })} />}
      </div>
    </section>
  );
}
