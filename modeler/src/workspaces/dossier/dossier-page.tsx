/**
 * @module DossierPage — one dossier as the official works it: what to do now (one set of actions for its state),
 * its steps' due dates explained, where it stands on the procedure's diagram, the applicant and e-form, documents
 * and attachments (viewed and uploaded), the printable forms and the timeline (process control slip). One column on
 * a phone, the actions first.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '../../i18n/locale';
import { loadAgencyNames, type AgencyNames } from '../common/agency-names';
import { problemMessage } from '../common/problem-message';
import { workspaceApi, type AttachmentInfo, type CurrentUser, type DossierView, type ProgressRecord } from '../common/workspace-api';
import { formatDateTime, statusLabel } from '../common/workspace-format';
import { fetchDossierSteps, listenToInbox, type InboxAnswer } from '../inbox/inbox-api';
import '../inbox/officials.css';
import { DossierActions } from './dossier-actions';
import { AttachmentUpload, Attachments, FormLinks, ResultPanel } from './dossier-files';
import { DossierTimeline } from './dossier-timeline';
import { DossierMessages } from './dossier-messages';
import { DossierPayments } from './dossier-payments';
import { EformView } from './eform-view';
import { parseProcedureXml, type ProcedureXml } from './procedure-xml';
import { RouteDiagram } from './route-diagram';

interface Loaded {
  dossier: DossierView;
  progress: ProgressRecord[];
  names: AgencyNames;
  attachments: AttachmentInfo[];
  steps: InboxAnswer;
  procedure?: { name: string; xml: string };
  parsed: ProcedureXml;
}

export function DossierPage({ user, dossierId }: { user: CurrentUser; dossierId: string }) {
  const [loaded, setLoaded] = useState<Loaded>();
  const [error, setError] = useState<unknown>();
  const [flash, setFlash] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const [fileError, setFileError] = useState('');
  const [revision, setRevision] = useState(0);
  const reload = (message?: { kind: 'ok' | 'error'; text: string }) => {
    if (message) setFlash(message);
    setRevision((value) => value + 1);
  };

  useEffect(() => {
    let current = true;
    void (async () => {
      try {
        const [dossier, progress, names, steps] = await Promise.all([workspaceApi.dossier(dossierId), workspaceApi.progress(dossierId), loadAgencyNames(), fetchDossierSteps(dossierId)]);
        const [attachments, procedure] = await Promise.all([
          workspaceApi.attachments(dossierId).then((answer) => answer.items).catch(() => [] as AttachmentInfo[]),
          workspaceApi.version(dossier.procedureKey, dossier.procedureVersion).catch(() => undefined),
        ]);
        const parsed: ProcedureXml = procedure ? parseProcedureXml(procedure.xml) : { names: new Map(), userTasks: new Set() };
        if (current) setLoaded({ dossier, progress, names, steps, attachments, ...(procedure ? { procedure } : {}), parsed });
      } catch (failure) {
        if (current) setError(failure);
      }
    })();
    return () => {
      current = false;
    };
  }, [dossierId, revision]);

  // A colleague's change (a claim, a completion) or a step turning nearly due shows here without a reload.
  useEffect(() => {
    let pending: ReturnType<typeof setTimeout> | undefined;
    const stop = listenToInbox(() => {
      clearTimeout(pending);
      pending = setTimeout(() => setRevision((value) => value + 1), 300);
    });
    return () => {
      stop();
      clearTimeout(pending);
    };
  }, []);

  const back = (
    <a class="ws-back" href="/inbox" data-link="">
      {t('ws.dossier.back')}
    </a>
  );
  const flashNote = flash && (
    <div class="ws-status" aria-live="polite">
      <p class={flash.kind === 'ok' ? 'ws-ok' : 'ws-error'} role={flash.kind === 'error' ? 'alert' : undefined}>
        {flash.text}
      </p>
    </div>
  );
  if (!loaded) {
    return (
      <div class="off-dossier">
        {back}
        {flashNote}
        {error ? (
          <p class="ws-error" role="alert">
            {problemMessage(error)}
          </p>
        ) : (
          <p class="ws-muted" aria-busy="true">
            {t('ws.loading')}
          </p>
        )}
      </div>
    );
  }

  const { dossier, progress, names, steps, attachments, procedure, parsed } = loaded;
  const open = new Set(steps.items.map((step) => step.elementId));
  const earlierSteps = [...new Set(progress.filter((record) => record.action === 'step.handed_over' && record.stepElementId).map((record) => record.stepElementId!))]
    .filter((elementId) => !open.has(elementId) && parsed.userTasks.has(elementId))
    .map((elementId) => ({ elementId, name: parsed.names.get(elementId) ?? elementId }));
  const mayAct = user.role === 'official' || user.role === 'headOfUnit';
  const applicant: [MessageKey, string | undefined][] = [
    ['ws.applicant.name', dossier.applicant.name],
    ['ws.applicant.idNumber', dossier.applicant.idNumber],
    ['ws.applicant.phone', dossier.applicant.phone],
    ['ws.applicant.email', dossier.applicant.email],
    ['ws.applicant.address', dossier.applicant.address],
    ['ws.dossier.channel', t(`ws.channel.${dossier.channel}` as MessageKey)],
    ['ws.dossier.agency', names.agency(dossier.agencyId)],
    ['ws.dossier.receivedAt', formatDateTime(dossier.receivedAt ?? dossier.submittedAt)],
    ['ws.dossier.appointmentAt', formatDateTime(dossier.appointmentAt)],
    ['ws.dossier.finishedAt', formatDateTime(dossier.finishedAt)],
  ];

  return (
    <div class="off-dossier ws-dossier">
      {back}
      <header class="ws-dossier-head">
        <h2 class="ws-title">{t('ws.dossier.title', { code: dossier.dossierCode })}</h2>
        <span class={`ws-status-badge ws-status-${dossier.status}`}>{statusLabel(dossier.status)}</span>
        <p class="ws-subtitle">
          {procedure?.name ?? dossier.procedureKey}
          {dossier.appointmentAt && (
            <span class="off-appointment">
              {' · '}
              {t('ws.dossier.appointmentAt')}: <strong>{formatDateTime(dossier.appointmentAt)}</strong>
            </span>
          )}
        </p>
      </header>
      {flashNote}
      <div class="off-dossier-grid">
        <div class="off-dossier-main">
          <Section name="actions" title="off.dossier.actions">
            <DossierActions
              dossier={dossier}
              user={user}
              steps={steps.items}
              earlierSteps={earlierSteps}
              done={(text) => reload({ kind: 'ok', text })}
              stale={(text) => reload({ kind: 'error', text })}
            />
          </Section>
          {procedure && steps.route && (
            <Section name="route" title="off.dossier.route">
              <RouteDiagram xml={procedure.xml} done={steps.route.done} current={steps.route.current} names={parsed.names} />
            </Section>
          )}
          <Section name="timeline" title="ws.section.timeline">
            <DossierTimeline records={progress} stepNames={parsed.names} names={names} />
          </Section>
          <DossierMessages dossierId={dossier.id} />
          <DossierPayments dossierId={dossier.id} />
        </div>
        <div class="off-dossier-side">
          <Section name="applicant" title="ws.section.applicant">
            {dossier.retention && (
              <p class="ws-retention-expired" role="note">
                {t('ws.retention.expired', { mode: t(`re.mode.${dossier.retention.mode}`), at: formatDateTime(dossier.retention.expiredAt) })}
              </p>
            )}
            <dl class="ws-fields">
              {applicant
                .filter(([, value]) => value)
                .map(([key, value]) => [<dt key={`${key}:t`}>{t(key)}</dt>, <dd key={`${key}:d`}>{value}</dd>])}
            </dl>
          </Section>
          <Section name="files" title="ws.section.files">
            <h4>{t('ws.dossier.documents')}</h4>
            {(dossier.documents ?? []).length === 0 ? (
              <p class="ws-empty">{t('ws.dossier.noDocuments')}</p>
            ) : (
              <ul class="ws-documents">
                {(dossier.documents ?? []).map((document) => (
                  <li key={document.name}>{`${document.name} — ${t(`ws.copy.${document.copyType}` as MessageKey)} × ${document.quantity}`}</li>
                ))}
              </ul>
            )}
            <h4>{t('ws.dossier.attachments')}</h4>
            <Attachments items={attachments} onError={setFileError} />
            {mayAct && <AttachmentUpload dossierId={dossier.id} uploaded={(name) => reload({ kind: 'ok', text: t('off.dossier.uploaded', { name }) })} />}
            <h4>{t('ws.result.title')}</h4>
            <ResultPanel
              dossierId={dossier.id}
              status={dossier.status}
              results={attachments.filter((attachment) => attachment.kind === 'result')}
              mayAct={mayAct}
              signed={(text) => reload({ kind: 'ok', text })}
            />
            <h4>{t('ws.dossier.forms')}</h4>
            <FormLinks dossierId={dossier.id} onError={setFileError} />
            <div class="ws-status" aria-live="polite">
              {fileError && (
                <p class="ws-error" role="alert">
                  {fileError}
                </p>
              )}
            </div>
          </Section>
          <Section name="eform" title="ws.section.eform">
            <EformView schemaText={parsed.formSchema} form={dossier.form} />
          </Section>
        </div>
      </div>
    </div>
  );
}

function Section({ name, title, children }: { name: string; title: MessageKey; children: ComponentChildren }) {
  return (
    <section class="ws-card" data-section={name}>
      <h3>{t(title)}</h3>
      {children}
    </section>
  );
}
