/**
 * @module DossierFiles — the dossier's attachments (viewed in a new tab, downloaded, and uploaded by the officials
 * who act on it: multipart field `file`, the server refusing a type or size with a problem shown beside the field)
 * and the printable forms 01–05 (Circular 01/2018/TT-VPCP). Every file needs the bearer token, which a plain link in
 * a new tab would not send: the page fetches it and hands the browser a blob.
 */
import '../../ui/ui.css';
import { useRef, useState } from 'preact/hooks';
import { ApiProblem, sessionToken } from '../../api/api-client';
import { t, type MessageKey } from '../../i18n/locale';
import { problemMessage } from '../common/problem-message';
import { requestBlob, type AttachmentInfo } from '../common/workspace-api';
import { formatDateTime, formatNumber } from '../common/workspace-format';

const FORMS = ['01', '02', '03', '04', '05'] as const;
const enc = encodeURIComponent;

export function Attachments({ items, onError }: { items: AttachmentInfo[]; onError(message: string): void }) {
  if (items.length === 0) return <p class="ws-empty">{t('ws.dossier.noAttachments')}</p>;
  const blobOf = (item: AttachmentInfo) => requestBlob(`/api/attachments/${enc(item.id)}`);
  return (
    <ul class="ws-attachments">
      {items.map((item) => (
        <li key={item.id}>
          <button type="button" class="ws-link-button" title={t('ws.dossier.download')} onClick={() => void blobOf(item).then((blob) => saveBlob(blob, item.filename)).catch((error: unknown) => onError(problemMessage(error)))}>
            {item.filename}
          </button>
          <span class="ws-muted"> · {formatNumber(item.size / 1024)} KB · {formatDateTime(item.uploadedAt)} </span>
          <button type="button" class="lt-button off-view" data-view={item.id} onClick={() => void openInTab(() => blobOf(item).then((blob) => new Blob([blob], { type: item.contentType })), onError)}>
            {t('off.dossier.view')}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The upload form: a file must be chosen; the server's refusal (type, size) is shown beside the field. */
export function AttachmentUpload({ dossierId, uploaded }: { dossierId: string; uploaded(name: string): void }) {
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [chosen, setChosen] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return setError(t('off.dossier.uploadChoose'));
    setError('');
    setBusy(true);
    try {
      const body = new FormData();
      body.append('file', file);
      const token = sessionToken();
      const response = await fetch(`/api/dossiers/${enc(dossierId)}/attachments`, { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {}, body });
      if (!response.ok) {
        const problem = (await response.json().catch(() => ({}))) as { code?: string; detail?: string; title?: string };
        throw new ApiProblem({ status: response.status, code: problem.code ?? `HTTP_${response.status}`, detail: problem.detail ?? problem.title ?? response.statusText });
      }
      if (input.current) input.current.value = '';
      setChosen('');
      uploaded(file.name);
    } catch (failure) {
      setError(problemMessage(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="ws-form off-upload" onSubmit={(event) => void submit(event)} noValidate>
      <div class="ws-field">
        <span id="off-upload-label">{t('off.dossier.uploadFile')}</span>
        {/* The browser's own file input speaks the browser's language ("Choose File"): ours says it in the page's. */}
        <span class="off-upload-choice">
          <label class="ui-file-button">
            {t('ui.files.choose')}
            <input
              type="file"
              name="file"
              ref={input}
              aria-labelledby="off-upload-label"
              aria-invalid={error ? 'true' : undefined}
              aria-describedby={error ? 'off-upload-error' : undefined}
              onChange={() => setChosen(input.current?.files?.[0]?.name ?? '')}
            />
          </label>
          <span class="ws-muted">{chosen || t('off.dossier.uploadNone')}</span>
        </span>
        {error && (
          <span class="off-field-error" id="off-upload-error" role="alert">
            {error}
          </span>
        )}
      </div>
      <button type="submit" class="lt-button" disabled={busy}>
        {t('off.dossier.uploadSubmit')}
      </button>
    </form>
  );
}

export function FormLinks({ dossierId, onError }: { dossierId: string; onError(message: string): void }) {
  return (
    <ul class="ws-form-links">
      {FORMS.map((form) => (
        <li key={form}>
          <button
            type="button"
            class="ws-link-button"
            data-form={form}
            onClick={() =>
              void openInTab(async () => new Blob([await (await requestBlob(`/api/dossiers/${enc(dossierId)}/forms/${form}`)).text()], { type: 'text/html;charset=utf-8' }), onError)
            }
          >
            {`${t('ws.form.number', { form })} — ${t(`ws.form.${form}` as MessageKey)}`}
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Opens the tab at once (a tab opened after an await counts as a pop-up), then fills it with the blob. */
async function openInTab(load: () => Promise<Blob>, onError: (message: string) => void): Promise<void> {
  const tab = window.open('', '_blank');
  try {
    const url = URL.createObjectURL(await load());
    if (tab) tab.location.href = url;
    else window.location.href = url;
  } catch (error) {
    tab?.close();
    onError(problemMessage(error));
  }
}

function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
