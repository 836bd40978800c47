/**
 * @module dossierView — one dossier as the official works it: applicant, e-form, documents and attachments, the
 * timeline (process control slip), the actions on its open step in the official's unit, and the printable forms.
 */
import { t, type MessageKey } from '../../i18n/locale';
import { loadAgencyNames } from '../common/agency-names';
import { element } from '../common/element';
import { errorNote } from '../common/problem-message';
import { workspaceApi, type AttachmentInfo, type CurrentUser, type InboxItem } from '../common/workspace-api';
import { formatDateTime, statusLabel } from '../common/workspace-format';
import { renderActions } from './dossier-actions';
import { renderAttachments, renderFormLinks } from './dossier-files';
import { renderTimeline } from './dossier-timeline';
import { renderEform } from './eform-view';
import { parseProcedureXml, type ProcedureXml } from './procedure-xml';

export function renderDossierView(container: HTMLElement, user: CurrentUser, dossierId: string): () => void {
  let closed = false;
  const flash = element('div', { className: 'ws-status', attrs: { 'aria-live': 'polite' } });
  const content = element('div', { className: 'ws-dossier', attrs: { 'aria-busy': 'true' } });
  container.append(element('a', { className: 'ws-back', text: t('ws.dossier.back'), attrs: { href: '/inbox', 'data-link': '' } }), flash, content);

  const load = async () => {
    content.setAttribute('aria-busy', 'true');
    try {
      const [dossier, progress, names] = await Promise.all([workspaceApi.dossier(dossierId), workspaceApi.progress(dossierId), loadAgencyNames()]);
      const [attachments, inbox, procedure] = await Promise.all([
        workspaceApi.attachments(dossierId).then((answer) => answer.items).catch(() => [] as AttachmentInfo[]),
        workspaceApi.inbox('department').then((answer) => answer.items).catch(() => [] as InboxItem[]),
        workspaceApi.version(dossier.procedureKey, dossier.procedureVersion).catch(() => undefined),
      ]);
      if (closed) return;
      const xml: ProcedureXml = procedure ? parseProcedureXml(procedure.xml) : { names: new Map(), userTasks: new Set() };
      const steps = inbox.filter((item) => item.dossierId === dossier.id);
      const open = new Set(steps.map((step) => step.elementId));
      const earlier = [...new Set(progress.filter((record) => record.action === 'step.handed_over' && record.stepElementId).map((record) => record.stepElementId!))]
        .filter((elementId) => !open.has(elementId) && xml.userTasks.has(elementId))
        .map((elementId) => ({ elementId, name: xml.names.get(elementId) ?? elementId }));
      const fileStatus = element('div', { className: 'ws-status', attrs: { 'aria-live': 'polite' } });

      const header = element(
        'header',
        { className: 'ws-dossier-head' },
        element('h2', { className: 'ws-title', text: t('ws.dossier.title', { code: dossier.dossierCode }) }),
        element('span', { className: `ws-status-badge ws-status-${dossier.status}`, text: statusLabel(dossier.status) }),
        element('p', { className: 'ws-subtitle', text: procedure?.name ?? dossier.procedureKey }),
      );
      const applicant = element(
        'dl',
        { className: 'ws-fields' },
        ...pairs([
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
        ]),
      );
      const documents = (dossier.documents ?? []).length === 0
        ? element('p', { className: 'ws-empty', text: t('ws.dossier.noDocuments') })
        : element('ul', { className: 'ws-documents' }, ...(dossier.documents ?? []).map((document) => element('li', { text: `${document.name} — ${t(`ws.copy.${document.copyType}` as MessageKey)} × ${document.quantity}` })));

      content.replaceChildren(
        header,
        element(
          'div',
          { className: 'ws-dossier-grid' },
          section('ws.section.applicant', applicant),
          section('ws.section.actions', renderActions({ dossier, user, steps, earlierSteps: earlier, done: (message) => void reload(message), stale: (error) => void reload(errorNote(error)) })),
          section('ws.section.eform', renderEform(xml.formSchema, dossier.form)),
          section('ws.section.files', element('h4', { text: t('ws.dossier.documents') }), documents, element('h4', { text: t('ws.dossier.attachments') }), renderAttachments(attachments, fileStatus), element('h4', { text: t('ws.dossier.forms') }), renderFormLinks(dossier.id, fileStatus), fileStatus),
        ),
        section('ws.section.timeline', renderTimeline(progress, xml.names, names)),
      );
    } catch (error) {
      content.replaceChildren(errorNote(error));
    } finally {
      content.setAttribute('aria-busy', 'false');
    }
  };

  /** Reloads the dossier under a sentence: what was done, or why it could not be (the dossier had moved on). */
  const reload = async (message: string | HTMLElement) => {
    flash.replaceChildren(typeof message === 'string' ? element('p', { className: 'ws-ok', text: message }) : message);
    await load();
  };

  void load();
  return () => {
    closed = true;
  };
}

function section(title: MessageKey, ...children: HTMLElement[]): HTMLElement {
  return element('section', { className: 'ws-card', dataset: { section: title.replace('ws.section.', '') } }, element('h3', { text: t(title) }), ...children);
}

function pairs(rows: [MessageKey, string | undefined][]): HTMLElement[] {
  return rows.filter(([, value]) => value).flatMap(([key, value]) => [element('dt', { text: t(key) }), element('dd', { text: value! })]);
}
