/**
 * @module dossierFiles — the dossier's attachments (download) and the printable forms 01–05 (Circular 01/2018/TT-VPCP).
 * Both need the bearer token, which a plain link in a new tab would not send: the page fetches them and hands the
 * browser a blob.
 */
import { t, type MessageKey } from '../../i18n/locale';
import { element } from '../common/element';
import { errorNote } from '../common/problem-message';
import { requestBlob, type AttachmentInfo } from '../common/workspace-api';
import { formatDateTime, formatNumber } from '../common/workspace-format';

const FORMS = ['01', '02', '03', '04', '05'] as const;

export function renderAttachments(items: AttachmentInfo[], status: HTMLElement): HTMLElement {
  if (items.length === 0) return element('p', { className: 'ws-empty', text: t('ws.dossier.noAttachments') });
  return element(
    'ul',
    { className: 'ws-attachments' },
    ...items.map((item) =>
      element(
        'li',
        {},
        element('button', {
          className: 'ws-link-button',
          text: item.filename,
          attrs: { type: 'button', title: t('ws.dossier.download') },
          on: {
            click: () =>
              void requestBlob(`/api/attachments/${encodeURIComponent(item.id)}`)
                .then((blob) => saveBlob(blob, item.filename))
                .catch((error: unknown) => status.replaceChildren(errorNote(error))),
          },
        }),
        element('span', { className: 'ws-muted', text: ` · ${formatNumber(item.size / 1024)} KB · ${formatDateTime(item.uploadedAt)}` }),
      ),
    ),
  );
}

export function renderFormLinks(dossierId: string, status: HTMLElement): HTMLElement {
  return element(
    'ul',
    { className: 'ws-form-links' },
    ...FORMS.map((form) =>
      element(
        'li',
        {},
        element('button', {
          className: 'ws-link-button',
          text: `${t('ws.form.number', { form })} — ${t(`ws.form.${form}` as MessageKey)}`,
          attrs: { type: 'button' },
          dataset: { form },
          on: { click: () => void openForm(dossierId, form, status) },
        }),
      ),
    ),
  );
}

/** Opens the tab at once (a tab opened after an await counts as a pop-up), then fills it with the form. */
async function openForm(dossierId: string, form: string, status: HTMLElement): Promise<void> {
  const tab = window.open('', '_blank');
  try {
    const blob = await requestBlob(`/api/dossiers/${encodeURIComponent(dossierId)}/forms/${form}`);
    const url = URL.createObjectURL(new Blob([await blob.text()], { type: 'text/html;charset=utf-8' }));
    if (tab) tab.location.href = url;
    else window.location.href = url;
    status.replaceChildren();
  } catch (error) {
    tab?.close();
    status.replaceChildren(errorNote(error));
  }
}

function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = element('a', { attrs: { href: url, download: filename } });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
