/**
 * @module DossierFiles — the dossier's attachments (viewed in a new tab, downloaded, and uploaded by the officials
 * who act on it: multipart field `file`, the server refusing a type or size with a problem shown beside the field)
 * and the printable forms 01–05 (Circular 01/2018/TT-VPCP). Every file needs the bearer token, which a plain link in
 * a new tab would not send: the page fetches it and hands the browser a blob. A signed PDF shows the server's verdict
 * on its signatures; the dossier's result (kết quả giải quyết) is drawn, signed and checked again from here (issue 20).
 */
import '../../ui/ui.css';
import { useRef, useState } from 'preact/hooks';
import { ApiProblem, sessionToken } from '../../api/api-client';
import { t, type MessageKey } from '../../i18n/locale';
import { problemMessage } from '../common/problem-message';
import { SignatureVerdictView, type SignatureVerdict } from '../common/signature-verdict';
import { requestBlob, requestJson, type AttachmentInfo } from '../common/workspace-api';
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
          {item.kind === 'result' && <span class="ws-muted"> · {t('ws.result.title')}</span>}
          {item.signature && <SignatureVerdictView verdict={item.signature} />}
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
  const [asResult, setAsResult] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return setError(t('off.dossier.uploadChoose'));
    setError('');
    setBusy(true);
    try {
      const body = new FormData();
      body.append('file', file);
      // The result must carry signatures that verify; the server refuses it with the reason otherwise.
      if (asResult) body.append('kind', 'result');
      const token = sessionToken();
      const response = await fetch(`/api/dossiers/${enc(dossierId)}/attachments`, { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {}, body });
      if (!response.ok) {
        const problem = (await response.json().catch(() => ({}))) as { code?: string; detail?: string; title?: string };
        throw new ApiProblem({ status: response.status, code: problem.code ?? `HTTP_${response.status}`, detail: problem.detail ?? problem.title ?? response.statusText });
      }
      if (input.current) input.current.value = '';
      setChosen('');
      setAsResult(false);
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
      <label class="ws-check">
        <input type="checkbox" name="kind" checked={asResult} onChange={(event) => setAsResult((event.target as HTMLInputElement).checked)} /> {t('ws.result.asResult')}
      </label>
      <button type="submit" class="lt-button" disabled={busy}>
        {t('off.dossier.uploadSubmit')}
      </button>
    </form>
  );
}

interface ResultPanelProps {
  dossierId: string;
  status: number;
  /** The dossier's stored results, oldest first: the last one is the result. */
  results: AttachmentInfo[];
  mayAct: boolean;
  signed(text: string): void;
}

/**
 * The dossier's result: the last signed one with its verdict (checked again on request), and for those who act on the
 * dossier while it is in process or finished, its draft and the signature with their certificate or the remote service.
 */
export function ResultPanel({ dossierId, status, results, mayAct, signed }: ResultPanelProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [checked, setChecked] = useState<{ id: string; verdict: SignatureVerdict }>();
  const latest = results.at(-1);
  const verdict = latest && (checked?.id === latest.id ? checked.verdict : latest.signature);
  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setError('');
    try {
      await work();
    } catch (failure) {
      setError(problemMessage(failure));
    } finally {
      setBusy(false);
    }
  };
  const sign = (signWith: 'certificate' | 'remote') =>
    act(async () => {
      await requestJson('POST', `/api/dossiers/${enc(dossierId)}/result`, { signWith });
      signed(t('ws.result.signed'));
    });
  return (
    <div class="ws-result">
      {latest ? (
        <div class="ws-result-file">
          <button type="button" class="ws-link-button" data-result={latest.id} onClick={() => void act(async () => saveBlob(await requestBlob(`/api/attachments/${enc(latest.id)}`), latest.filename))}>
            {t('ws.result.download')}
          </button>
          <span class="ws-muted"> · {t('ws.result.issuedAt', { at: formatDateTime(latest.uploadedAt) })}</span>
          {verdict && <SignatureVerdictView verdict={verdict} />}
          <button
            type="button"
            class="lt-button"
            disabled={busy}
            onClick={() => void act(async () => setChecked({ id: latest.id, verdict: await requestJson<SignatureVerdict>('GET', `/api/attachments/${enc(latest.id)}/signatures`) }))}
          >
            {t('ws.result.recheck')}
          </button>
        </div>
      ) : (
        <p class="ws-empty">{t('ws.result.none')}</p>
      )}
      {mayAct &&
        (status === 4 || status === 9 ? (
          <div class="ws-result-actions">
            <button type="button" class="lt-button" disabled={busy} onClick={() => void openInTab(() => requestBlob(`/api/dossiers/${enc(dossierId)}/result/pdf`), setError)}>
              {t('ws.result.draft')}
            </button>
            <button type="button" class="lt-button lt-primary" disabled={busy} data-sign="certificate" onClick={() => void sign('certificate')}>
              {busy ? t('ws.result.signing') : t('ws.result.sign')}
            </button>
            <button type="button" class="lt-button" disabled={busy} data-sign="remote" onClick={() => void sign('remote')}>
              {t('ws.result.signRemote')}
            </button>
          </div>
        ) : (
          <p class="ws-muted">{t('ws.result.notYet')}</p>
        ))}
      {error && (
        <p class="ws-error" role="alert">
          {error}
        </p>
      )}
    </div>
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
