/**
 * @module IntakePage — the counter's intake (tiếp nhận hồ sơ, Decree 61/2018/NĐ-CP Art. 19) in five steps: the
 * procedure from the catalogue → the applicant → the e-form drawn from the procedure's JSON Schema → the checklist of
 * its components with their scans → the outcome (receive with form 01, supplement on the spot with form 02, refuse
 * with form 03). One Idempotency-Key per attempt, and the buttons disabled while it is pending: a double click makes
 * one dossier. Scans are stored after the dossier, each under its component's id.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { RJSFSchema } from '@rjsf/utils';
import { t, type MessageKey } from '../../i18n/locale';
import { ApplicantFields, emptyApplicant, toApplicantBody, validateApplicant, type ApplicantErrors, type ApplicantValue } from '../../ui/applicant-fields';
import type { CatalogueEntry } from '../../ui/catalogue-entry';
import { checklistFor, ComponentChecklist, missingComponents, receivedDocuments, validateChecklist, type ChecklistValue } from '../../ui/component-checklist';
import { budgetText, ProcedurePicker } from '../../ui/procedure-picker';
import { SchemaForm } from '../../ui/schema-form';
import { problemMessage } from '../common/problem-message';
import type { CurrentUser } from '../common/workspace-api';
import { intakeApi, IntakeProblem, type IntakeAnswer, type IntakeBody, type IntakeOutcome as Outcome } from './intake-api';
import { IntakeOutcome } from './intake-outcome';
import { IntakeResult, type UploadState } from './intake-result';

const STEPS = ['procedure', 'applicant', 'eform', 'checklist', 'outcome'] as const;
type Step = (typeof STEPS)[number];

interface Attempt {
  key: string;
  body: string;
}

interface Done {
  answer: IntakeAnswer;
  kind: Outcome['kind'];
  /** The attempt's key: each scan is stored under `${key}:${componentId}:${index}`, so a retry stores it once. */
  key: string;
}

/** Every scan of the checklist with the component it belongs to. */
function scansOf(checklist: ChecklistValue): { componentId: string; file: File; index: number }[] {
  return Object.entries(checklist).flatMap(([componentId, item]) => (item.received ? item.files.map((file, index) => ({ componentId, file, index })) : []));
}

function newKey(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

export function IntakePage({ user }: { user: CurrentUser }) {
  const [step, setStep] = useState<Step>('procedure');
  const [reached, setReached] = useState(0);
  const [entry, setEntry] = useState<CatalogueEntry | undefined>(undefined);
  const [applicant, setApplicant] = useState<ApplicantValue>(emptyApplicant);
  const [applicantErrors, setApplicantErrors] = useState<ApplicantErrors>({});
  const [form, setForm] = useState<Record<string, unknown>>({});
  const [checklist, setChecklist] = useState<ChecklistValue>({});
  const [checklistErrors, setChecklistErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const [done, setDone] = useState<Done | undefined>(undefined);
  const [uploads, setUploads] = useState<UploadState>({ total: 0, done: 0, failed: 0 });
  const attempt = useRef<Attempt | undefined>(undefined);
  const sending = useRef(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), [step, done]);

  const go = (next: Step) => {
    setError(undefined);
    setStep(next);
    setReached((index) => Math.max(index, STEPS.indexOf(next)));
  };

  const pick = (picked: CatalogueEntry) => {
    if (picked.key !== entry?.key || picked.version !== entry.version) {
      setForm({});
      setChecklist(checklistFor(picked.components));
      setChecklistErrors({});
      setReached(0);
    }
    setEntry(picked);
    go('applicant');
  };

  const uploadScans = async (target: Done, only?: Set<string>) => {
    const scans = scansOf(checklist);
    const todo = scans.filter((scan) => !only || only.has(`${scan.componentId}:${scan.index}`));
    const failed = new Set<string>();
    let detail: string | undefined;
    let stored = scans.length - todo.length;
    setUploads({ total: scans.length, done: stored, failed: 0 });
    for (const scan of todo) {
      try {
        await intakeApi.upload(target.answer.id, scan.file, scan.componentId, `${target.key}:${scan.componentId}:${scan.index}`);
        stored += 1;
      } catch (failure) {
        failed.add(`${scan.componentId}:${scan.index}`);
        detail = problemMessage(failure);
      }
      setUploads({ total: scans.length, done: stored, failed: failed.size, ...(detail ? { detail } : {}) });
    }
    failedScans.current = failed;
  };
  const failedScans = useRef<Set<string>>(new Set());

  const submit = async (outcome: Outcome) => {
    if (!entry || sending.current) return; // a second click while the first is on its way does nothing
    sending.current = true;
    setPending(true);
    setError(undefined);
    const body: IntakeBody = {
      procedureKey: entry.key,
      procedureVersion: entry.version,
      applicant: toApplicantBody(applicant),
      form,
      documents: receivedDocuments(entry.components, checklist),
      resultDelivery: applicant.resultDelivery,
      outcome,
    };
    const text = JSON.stringify(body);
    // The same request again (a retry after a lost answer) keeps its key and is answered once; another one gets a new key.
    if (attempt.current?.body !== text) attempt.current = { key: newKey(), body: text };
    const { key } = attempt.current;
    try {
      const answer = await intakeApi.receive(body, key);
      const result = { answer, kind: outcome.kind, key };
      setDone(result);
      if (outcome.kind !== 'refused') await uploadScans(result);
    } catch (failure) {
      if (failure instanceof IntakeProblem) attempt.current = undefined; // answered: a corrected request is a new attempt
      setError(failure instanceof IntakeProblem && failure.code === 'FORM_INVALID' ? t('intake.formInvalid', { fields: failure.fieldIssues.map((i) => i.field.replace(/^\//, '')).join(', ') }) : problemMessage(failure));
    } finally {
      sending.current = false;
      setPending(false);
    }
  };

  const restart = () => {
    attempt.current = undefined;
    failedScans.current = new Set();
    setDone(undefined);
    setEntry(undefined);
    setApplicant(emptyApplicant());
    setApplicantErrors({});
    setForm({});
    setChecklist({});
    setUploads({ total: 0, done: 0, failed: 0 });
    setReached(0);
    go('procedure');
  };

  if (user.role !== 'official' && user.role !== 'headOfUnit') return <p class="ws-error">{t('intake.notReceiver')}</p>;

  const index = STEPS.indexOf(step);
  const scans = scansOf(checklist).length;
  return (
    <div class="intake-page">
      <h2 class="ws-title" tabIndex={-1} ref={heading}>
        {t('intake.title')}
      </h2>
      {done ? (
        <IntakeResult
          answer={done.answer}
          kind={done.kind}
          uploads={uploads}
          onRetryUploads={() => void uploadScans(done, failedScans.current)}
          onAnother={restart}
        />
      ) : (
        <>
          <ol class="intake-steps" aria-label={t('intake.steps')}>
            {STEPS.map((name, i) => (
              <li key={name} class={i === index ? 'intake-step-current' : i < index ? 'intake-step-done' : ''} aria-current={i === index ? 'step' : undefined}>
                <button type="button" disabled={i > reached || pending} onClick={() => go(name)}>
                  <span class="intake-step-number">{i + 1}</span>
                  <span class="intake-step-label">{t(`intake.step.${name}` as MessageKey)}</span>
                </button>
              </li>
            ))}
          </ol>
          {entry && step !== 'procedure' && (
            <p class="intake-picked">
              <strong>{t('intake.procedure', { name: entry.name })}</strong>{' '}
              <span class="ui-hint">
                {entry.procedureCode} · {t('intake.version', { version: entry.version })}
                {entry.statutoryBudget ? ` · ${budgetText(entry.statutoryBudget)}` : ''}
              </span>
            </p>
          )}
          <div class="intake-card ws-card">
            {step === 'procedure' && <ProcedurePicker selectedKey={entry?.key} onPick={pick} />}
            {step === 'applicant' && (
              <form
                noValidate
                onSubmit={(event) => {
                  event.preventDefault();
                  const errors = validateApplicant(applicant);
                  setApplicantErrors(errors);
                  if (Object.keys(errors).length === 0) go('eform');
                }}
              >
                <ApplicantFields value={applicant} onChange={(next) => { setApplicant(next); if (Object.keys(applicantErrors).length) setApplicantErrors(validateApplicant(next)); }} errors={applicantErrors} />
                <div class="ui-actions">
                  <button type="button" class="lt-button" onClick={() => go('procedure')}>
                    {t('intake.back')}
                  </button>
                  <button type="submit" class="lt-button lt-primary">
                    {t('intake.next')}
                  </button>
                </div>
              </form>
            )}
            {step === 'eform' && entry &&
              (entry.formSchema ? (
                <SchemaForm schema={entry.formSchema as RJSFSchema} value={form} onChange={setForm} onValid={(value) => { setForm(value); go('checklist'); }} submitLabel={t('intake.next')} onBack={() => go('applicant')} backLabel={t('intake.back')} />
              ) : (
                <>
                  <p class="ui-hint">{t('intake.noEform')}</p>
                  <div class="ui-actions">
                    <button type="button" class="lt-button" onClick={() => go('applicant')}>
                      {t('intake.back')}
                    </button>
                    <button type="button" class="lt-button lt-primary" onClick={() => go('checklist')}>
                      {t('intake.next')}
                    </button>
                  </div>
                </>
              ))}
            {step === 'checklist' && entry && (
              <form
                noValidate
                onSubmit={(event) => {
                  event.preventDefault();
                  const errors = validateChecklist(entry.components, checklist);
                  setChecklistErrors(errors);
                  if (Object.keys(errors).length === 0) go('outcome');
                }}
              >
                <h3 class="intake-section-title">{t('ui.checklist.title')}</h3>
                <ComponentChecklist components={entry.components} value={checklist} onChange={(next) => { setChecklist(next); if (Object.keys(checklistErrors).length) setChecklistErrors(validateChecklist(entry.components, next)); }} errors={checklistErrors} />
                <div class="ui-actions">
                  <button type="button" class="lt-button" onClick={() => go('eform')}>
                    {t('intake.back')}
                  </button>
                  <button type="submit" class="lt-button lt-primary">
                    {t('intake.next')}
                  </button>
                </div>
              </form>
            )}
            {step === 'outcome' && entry && (
              <>
                <dl class="ws-fields intake-summary">
                  <dt>{t('intake.summary.applicant')}</dt>
                  <dd>
                    {applicant.name} · {applicant.idNumber}
                  </dd>
                  <dt>{t('intake.summary.components')}</dt>
                  <dd>
                    {receivedDocuments(entry.components, checklist).length}/{entry.components.length}
                  </dd>
                  <dt>{t('intake.summary.scans')}</dt>
                  <dd>{scans}</dd>
                  <dt>{t('intake.summary.delivery')}</dt>
                  <dd>{t(`ui.delivery.${applicant.resultDelivery}`)}</dd>
                </dl>
                <IntakeOutcome missing={missingComponents(entry.components, checklist)} pending={pending} onSubmit={(outcome) => void submit(outcome)} onBack={() => go('checklist')} />
              </>
            )}
            {error && (
              <p class="ws-error" role="alert">
                {error}
              </p>
            )}
          </div>
        </>
      )}
    </div>
  );
}
