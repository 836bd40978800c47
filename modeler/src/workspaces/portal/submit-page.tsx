/**
 * @module submitPage — `/submit`, "Nộp hồ sơ trực tuyến", for a citizen without an account (Decree 45/2020/NĐ-CP):
 * choose a procedure → applicant → the procedure's e-form → one file per component → review → submit (status 1) →
 * the files uploaded with the submission's dossier token → a printable receipt with the dossier code, the hash of
 * every file received and a link to follow it. Every field is checked where it is typed, its error beside it; the
 * server checks again and nothing is stored before the citizen presses "Nộp hồ sơ". Mobile first: one column.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { RJSFSchema } from '@rjsf/utils';
import { currentLocale, t, type MessageKey } from '../../i18n/locale';
import { SchemaForm } from '../../ui/schema-form';
import { formatDateTime, statusLabel } from '../common/workspace-format';
import { portalApi, type Applicant, type CatalogueEntry, type CitizenAttachment, type RequiredComponent, type Submitted } from './portal-api';
import { FileInput, Message, problemText, sizeText, TextInput } from './portal-parts';
import './portal.css';

type Stage = 'procedure' | 'applicant' | 'form' | 'components' | 'review' | 'sending' | 'receipt';
const STAGES: Stage[] = ['procedure', 'applicant', 'form', 'components', 'review'];

/** The slot of a file: a published component, or "other documents" when the procedure lists none. */
interface Slot {
  id: string;
  name: string;
  component?: RequiredComponent;
}

interface Chosen {
  file?: File;
  error?: string;
}

/** Accents and case folded, for searching names as people type them ("khai sinh" finds "Khai sinh"). */
const fold = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase();

export function budgetText(budget: CatalogueEntry['statutoryBudget']): string | undefined {
  if (!budget) return undefined;
  const vi = currentLocale() === 'vi';
  switch (budget.unit) {
    case 'workingDays': return vi ? `${budget.value} ngày làm việc` : `${budget.value} working days`;
    case 'workingHours': return vi ? `${budget.value} giờ làm việc` : `${budget.value} working hours`;
    case 'calendarDays': return vi ? `${budget.value} ngày` : `${budget.value} days`;
    case 'sameDay': return vi ? 'trong ngày' : 'same day';
  }
}

/** The applicant's fields checked as the server's schema checks them, each error in words beside its field. */
export function applicantErrors(applicant: Applicant): Partial<Record<keyof Applicant, string>> {
  const errors: Partial<Record<keyof Applicant, string>> = {};
  if (!applicant.name.trim()) errors.name = t('portal.error.required');
  else if (applicant.name.length > 200) errors.name = t('portal.error.nameTooLong');
  if (!applicant.idNumber.trim()) errors.idNumber = t('portal.error.required');
  else if (!/^[0-9A-Za-z]{6,20}$/.test(applicant.idNumber.trim())) errors.idNumber = t('portal.error.idNumber');
  if (applicant.phone && !/^\+?[0-9][0-9 .]{7,17}$/.test(applicant.phone.trim())) errors.phone = t('portal.error.phone');
  if (applicant.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(applicant.email.trim())) errors.email = t('portal.error.email');
  if (applicant.address && applicant.address.length > 500) errors.address = t('portal.error.addressTooLong');
  return errors;
}

function slotsOf(procedure: CatalogueEntry | undefined): Slot[] {
  if (!procedure) return [];
  if (procedure.components.length === 0) return [{ id: 'khac', name: t('portal.components.other') }];
  return procedure.components.map((component) => ({ id: component.id, name: component.name, component }));
}

function slotHint(slot: Slot): string | undefined {
  const component = slot.component;
  if (!component) return undefined;
  const parts = [
    component.required ? t('portal.components.required') : t('portal.components.ifApplicable'),
    `${t(`portal.copyType.${component.copyType}` as MessageKey)} × ${component.quantity}`,
    component.condition,
  ];
  return parts.filter(Boolean).join(' · ');
}

function Stepper({ stage }: { stage: Stage }) {
  const index = STAGES.indexOf(stage);
  if (index < 0) return null;
  return (
    <div class="portal-stepper">
      <span class="portal-stepper-count">{t('portal.step', { n: index + 1 })}</span>
      <strong class="portal-stepper-name">{t(`portal.step.${stage}` as MessageKey)}</strong>
      <ol class="portal-stepper-bar" aria-hidden="true">
        {STAGES.map((s, i) => <li key={s} class={i <= index ? 'done' : ''} />)}
      </ol>
    </div>
  );
}

function formRows(schema: Record<string, unknown> | undefined, form: Record<string, unknown>): [string, string][] {
  const properties = ((schema?.properties ?? {}) as Record<string, { title?: string }>);
  return Object.entries(form)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => [properties[key]?.title ?? key, typeof value === 'object' ? JSON.stringify(value) : String(value)]);
}

export function SubmitPage() {
  const [stage, setStage] = useState<Stage>('procedure');
  const [catalogue, setCatalogue] = useState<CatalogueEntry[] | undefined>();
  const [loadError, setLoadError] = useState<string | undefined>();
  const [query, setQuery] = useState('');
  const [procedure, setProcedure] = useState<CatalogueEntry | undefined>();
  const [procedureError, setProcedureError] = useState<string | undefined>();
  const [applicant, setApplicant] = useState<Applicant>({ name: '', idNumber: '', phone: '', email: '', address: '' });
  const [applicantShown, setApplicantShown] = useState<Partial<Record<keyof Applicant, string>>>({});
  const [form, setForm] = useState<Record<string, unknown>>({});
  const [files, setFiles] = useState<Record<string, Chosen>>({});
  const [pledged, setPledged] = useState(false);
  const [pledgeError, setPledgeError] = useState<string | undefined>();
  const [progress, setProgress] = useState('');
  const [sendError, setSendError] = useState<string | undefined>();
  const [submitted, setSubmitted] = useState<Submitted | undefined>();
  const [received, setReceived] = useState<{ slot: Slot; attachment?: CitizenAttachment; error?: string }[]>([]);

  useEffect(() => {
    portalApi.catalogue().then(setCatalogue, (error: unknown) => setLoadError(problemText(error)));
  }, []);
  useEffect(() => window.scrollTo?.(0, 0), [stage]);

  const shown = useMemo(() => {
    const q = fold(query.trim());
    return (catalogue ?? []).filter((entry) => !q || fold(entry.name).includes(q) || entry.procedureCode.toLowerCase().includes(q));
  }, [catalogue, query]);
  const slots = slotsOf(procedure);
  const chosenFiles = slots.filter((slot) => files[slot.id]?.file && !files[slot.id]?.error);

  const back = (to: Stage) => (
    <button type="button" class="lt-button portal-back" onClick={() => setStage(to)}>
      {t('portal.back')}
    </button>
  );

  function nextFromProcedure() {
    if (!procedure) return setProcedureError(t('portal.error.chooseProcedure'));
    setStage('applicant');
  }

  function nextFromApplicant() {
    const errors = applicantErrors(applicant);
    setApplicantShown(errors);
    if (Object.keys(errors).length === 0) setStage('form');
  }

  function nextFromComponents() {
    const next = { ...files };
    let ok = true;
    for (const slot of slots) {
      const chosen = next[slot.id];
      if (chosen?.error) ok = false;
      else if (slot.component?.required && !chosen?.file) {
        next[slot.id] = { error: t('portal.error.fileMissing') };
        ok = false;
      }
    }
    setFiles(next);
    if (ok) setStage('review');
  }

  async function send() {
    if (!procedure) return;
    if (!pledged) return setPledgeError(t('portal.error.pledge'));
    setStage('sending');
    setSendError(undefined);
    setProgress(t('portal.sending'));
    const trimmed: Applicant = { name: applicant.name.trim(), idNumber: applicant.idNumber.trim() };
    for (const key of ['phone', 'email', 'address'] as const) if (applicant[key]?.trim()) trimmed[key] = applicant[key]!.trim();
    let dossier: Submitted;
    try {
      dossier = await portalApi.submit({
        procedureKey: procedure.key,
        applicant: trimmed,
        form,
        documents: chosenFiles.map((slot) => ({ name: slot.name, copyType: 'electronic' as const, quantity: 1 })),
      });
    } catch (error) {
      setSendError(problemText(error));
      setStage('review');
      return;
    }
    const results: { slot: Slot; attachment?: CitizenAttachment; error?: string }[] = [];
    for (const [index, slot] of chosenFiles.entries()) {
      const file = files[slot.id]!.file!;
      setProgress(t('portal.uploading', { n: index + 1, total: chosenFiles.length, name: file.name }));
      try {
        const attachment = await portalApi.upload(dossier.id, dossier.citizenToken!.token, file, slot.component?.id);
        results.push({ slot, attachment });
      } catch (error) {
        results.push({ slot, error: t('portal.receipt.failed', { name: file.name, reason: problemText(error, file.name) }) });
      }
    }
    setSubmitted(dossier);
    setReceived(results);
    setStage('receipt');
  }

  return (
    <section class="portal-page">
      <h2 class="portal-title">{t('portal.submit.title')}</h2>
      {stage !== 'receipt' && <p class="portal-subtitle">{t('portal.submit.hint')}</p>}
      <Stepper stage={stage} />

      {stage === 'procedure' && (
        <div class="portal-card">
          {loadError && <Message kind="error" text={loadError} />}
          <TextInput name="search" label={t('portal.search')} value={query} onInput={setQuery} />
          {!catalogue && !loadError && <p class="portal-muted">{t('portal.loading')}</p>}
          {catalogue && shown.length === 0 && <p class="portal-muted">{t('portal.noProcedures')}</p>}
          <ul class="portal-procedures" role="radiogroup" aria-label={t('portal.step.procedure')}>
            {shown.map((entry) => (
              <li key={entry.key}>
                <label class={`portal-procedure${procedure?.key === entry.key ? ' portal-procedure-chosen' : ''}`}>
                  <input
                    type="radio"
                    name="procedure"
                    value={entry.key}
                    checked={procedure?.key === entry.key}
                    onChange={() => {
                      if (procedure?.key !== entry.key) {
                        setForm({});
                        setFiles({});
                      }
                      setProcedure(entry);
                      setProcedureError(undefined);
                    }}
                  />
                  <span>
                    <strong>{entry.name}</strong>
                    <span class="portal-muted">{t('portal.procedureCode', { code: entry.procedureCode })}</span>
                    {budgetText(entry.statutoryBudget) && <span class="portal-muted">{t('portal.deadline', { text: budgetText(entry.statutoryBudget)! })}</span>}
                    {entry.leadAgency && <span class="portal-muted">{t('portal.leadAgency', { name: entry.leadAgency.name })}</span>}
                  </span>
                </label>
              </li>
            ))}
          </ul>
          {procedureError && <p class="portal-error" role="alert">{procedureError}</p>}
          <div class="portal-actions">
            <button type="button" class="lt-button lt-primary" onClick={nextFromProcedure}>{t('portal.next')}</button>
          </div>
        </div>
      )}

      {stage === 'applicant' && (
        <form class="portal-card" noValidate onSubmit={(event) => { event.preventDefault(); nextFromApplicant(); }}>
          <TextInput name="name" label={t('portal.applicant.name')} value={applicant.name} error={applicantShown.name} autoComplete="name" maxLength={200} onInput={(name) => setApplicant({ ...applicant, name })} />
          <TextInput name="idNumber" label={t('portal.applicant.idNumber')} value={applicant.idNumber} error={applicantShown.idNumber} inputMode="numeric" maxLength={20} onInput={(idNumber) => setApplicant({ ...applicant, idNumber })} />
          <TextInput name="phone" label={t('portal.applicant.phone')} optional type="tel" inputMode="tel" autoComplete="tel" value={applicant.phone ?? ''} error={applicantShown.phone} maxLength={20} onInput={(phone) => setApplicant({ ...applicant, phone })} />
          <TextInput name="email" label={t('portal.applicant.email')} optional type="email" inputMode="email" autoComplete="email" value={applicant.email ?? ''} error={applicantShown.email} maxLength={200} onInput={(email) => setApplicant({ ...applicant, email })} />
          <TextInput name="address" label={t('portal.applicant.address')} optional autoComplete="street-address" value={applicant.address ?? ''} error={applicantShown.address} maxLength={500} onInput={(address) => setApplicant({ ...applicant, address })} />
          <div class="portal-actions">
            {back('procedure')}
            <button type="submit" class="lt-button lt-primary">{t('portal.next')}</button>
          </div>
        </form>
      )}

      {stage === 'form' && procedure && (
        <div class="portal-card portal-eform">
          {procedure.formSchema ? (
            <SchemaForm schema={procedure.formSchema as RJSFSchema} value={form} onChange={setForm} onValid={(value) => { setForm(value); setStage('components'); }} submitLabel={t('portal.next')} onBack={() => setStage('applicant')} backLabel={t('portal.back')} />
          ) : (
            <>
              <p class="portal-muted">{t('portal.form.none')}</p>
              <div class="portal-actions">{back('applicant')}<button type="button" class="lt-button lt-primary" onClick={() => setStage('components')}>{t('portal.next')}</button></div>
            </>
          )}
        </div>
      )}

      {stage === 'components' && (
        <div class="portal-card">
          <p class="portal-muted">{t('portal.components.hint')}</p>
          {slots.map((slot) => (
            <FileInput
              key={slot.id}
              name={`component-${slot.id}`}
              label={slot.name}
              hint={slotHint(slot)}
              file={files[slot.id]?.file}
              error={files[slot.id]?.error}
              onFile={(file, error) => setFiles({ ...files, [slot.id]: { file, error } })}
            />
          ))}
          <div class="portal-actions">
            {back('form')}
            <button type="button" class="lt-button lt-primary" onClick={nextFromComponents}>{t('portal.next')}</button>
          </div>
        </div>
      )}

      {(stage === 'review' || stage === 'sending') && procedure && (
        <div class="portal-card portal-review">
          {sendError && <Message kind="error" text={sendError} />}
          <h3>{t('portal.review.procedure')}</h3>
          <p>{procedure.name}</p>
          <h3>{t('portal.review.applicant')}</h3>
          <dl class="portal-pairs">
            <dt>{t('portal.applicant.name')}</dt><dd>{applicant.name}</dd>
            <dt>{t('portal.applicant.idNumber')}</dt><dd>{applicant.idNumber}</dd>
            {applicant.phone && <><dt>{t('portal.applicant.phone')}</dt><dd>{applicant.phone}</dd></>}
            {applicant.email && <><dt>{t('portal.applicant.email')}</dt><dd>{applicant.email}</dd></>}
            {applicant.address && <><dt>{t('portal.applicant.address')}</dt><dd>{applicant.address}</dd></>}
          </dl>
          {formRows(procedure.formSchema, form).length > 0 && (
            <>
              <h3>{t('portal.review.form')}</h3>
              <dl class="portal-pairs">{formRows(procedure.formSchema, form).map(([label, value]) => <><dt>{label}</dt><dd>{value}</dd></>)}</dl>
            </>
          )}
          <h3>{t('portal.review.files')}</h3>
          {chosenFiles.length === 0 ? (
            <p class="portal-muted">{t('portal.review.noFiles')}</p>
          ) : (
            <ul class="portal-files">{chosenFiles.map((slot) => <li key={slot.id}><strong>{slot.name}</strong><span class="portal-muted">{files[slot.id]!.file!.name} · {sizeText(files[slot.id]!.file!.size)}</span></li>)}</ul>
          )}
          <div class={`portal-field${pledgeError ? ' portal-field-invalid' : ''}`}>
            <label class="portal-check">
              <input type="checkbox" name="pledge" checked={pledged} onChange={(event) => { setPledged((event.target as HTMLInputElement).checked); setPledgeError(undefined); }} />
              <span>{t('portal.review.pledge')}</span>
            </label>
            {pledgeError && <p class="portal-error" role="alert">{pledgeError}</p>}
          </div>
          {stage === 'sending' ? (
            <p class="portal-progress" role="status">{progress}</p>
          ) : (
            <div class="portal-actions">
              {back('components')}
              <button type="button" class="lt-button lt-primary" onClick={() => void send()}>{t('portal.submit')}</button>
            </div>
          )}
        </div>
      )}

      {stage === 'receipt' && submitted && procedure && (
        <div class="portal-card portal-receipt">
          <h3 class="portal-receipt-title">{t('portal.receipt.title')}</h3>
          <p class="portal-receipt-label">{t('portal.receipt.code')}</p>
          <p class="portal-code" data-dossier-code>{submitted.dossierCode}</p>
          <p class="portal-muted">{t('portal.receipt.keep')}</p>
          <dl class="portal-pairs">
            <dt>{t('portal.review.procedure')}</dt><dd>{procedure.name}</dd>
            <dt>{t('portal.review.applicant')}</dt><dd>{applicant.name}</dd>
            <dt>{t('portal.receipt.submittedAt')}</dt><dd>{formatDateTime(submitted.submittedAt)}</dd>
            <dt>{t('portal.receipt.status')}</dt><dd>{statusLabel(submitted.status)}</dd>
          </dl>
          <h3>{t('portal.receipt.files')}</h3>
          {received.length === 0 && <p class="portal-muted">{t('portal.review.noFiles')}</p>}
          <ul class="portal-files">
            {received.map(({ slot, attachment, error }) => (
              <li key={slot.id}>
                <strong>{slot.name}</strong>
                {attachment && <span class="portal-muted">{attachment.filename} · {sizeText(attachment.size)}</span>}
                {attachment && <span class="portal-hash" title={t('portal.receipt.hash')}>SHA-256: {attachment.sha256}</span>}
                {error && <span class="portal-error" role="alert">{error}</span>}
              </li>
            ))}
          </ul>
          <div class="portal-actions portal-no-print">
            <button type="button" class="lt-button" onClick={() => window.print()}>{t('portal.receipt.print')}</button>
            <a class="lt-button lt-primary" href={`/lookup?code=${encodeURIComponent(submitted.dossierCode)}`}>{t('portal.receipt.follow')}</a>
          </div>
        </div>
      )}
    </section>
  );
}
