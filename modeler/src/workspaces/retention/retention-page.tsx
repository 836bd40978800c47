/**
 * @module RetentionPage — retention of closed dossiers for administrators (issue 18 item 6): per procedure its period
 * and what happens at its end (archive or purge), set here and recorded in the audit of administration; the dry run
 * (how many dossiers are due, the oldest, their attachments' bytes) before anything is removed; then an explicit run,
 * confirmed, in bounded batches of the server (`POST /api/retention/runs`) until nothing is due.
 */
import { useEffect, useState } from 'preact/hooks';
import type { GetAnswer } from '../../api/api-answer';
import { t } from '../../i18n/locale';
import { problemMessage } from '../common/problem-message';
import { requestJson } from '../common/workspace-api';
import { formatDate, formatDateTime } from '../common/workspace-format';
import './retention.css';

type Report = GetAnswer<'/api/retention'>;
type ProcedureRetention = Report['procedures'][number];
type Mode = ProcedureRetention['mode'];
interface Expired {
  dossierCode: string;
  mode: Mode;
  archive?: { sha256: string };
}

/** Batches the page asks the server for, one after the other: each is bounded, so the server stays responsive. */
const BATCH = 50;

/** Bytes as a person reads them: kB below a megabyte, MB with one decimal above (decimal units, comma as in Vietnamese). */
const sizeText = (bytes: number) =>
  bytes < 1_000_000 ? `${Math.round(bytes / 1000).toLocaleString('vi-VN')} kB` : `${(bytes / 1_000_000).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;

function PolicyRow({ procedure, onSaved }: { procedure: ProcedureRetention; onSaved: (message: string) => void }) {
  const [years, setYears] = useState(String(procedure.years));
  const [mode, setMode] = useState<Mode>(procedure.mode);
  const [error, setError] = useState<string>();
  const changed = years !== String(procedure.years) || mode !== procedure.mode || procedure.isDefault;

  async function save() {
    try {
      await requestJson('PUT', `/api/retention/policies/${encodeURIComponent(procedure.key)}`, { years: Number(years), mode });
      setError(undefined);
      onSaved(t('re.saved', { name: procedure.name }));
    } catch (failure) {
      setError(problemMessage(failure));
    }
  }

  return (
    <li class="re-procedure" data-key={procedure.key}>
      <h3>
        {procedure.name} {procedure.procedureCode && <code>{procedure.procedureCode}</code>}
      </h3>
      <form
        class="re-policy"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label>
          <span>{t('re.period')}</span>
          <input name="years" type="number" min={1} max={100} required value={years} onInput={(event) => setYears(event.currentTarget.value)} />
        </label>
        <label>
          <span>{t('re.mode')}</span>
          <select name="mode" value={mode} onChange={(event) => setMode(event.currentTarget.value as Mode)}>
            <option value="archive">{t('re.mode.archive')}</option>
            <option value="purge">{t('re.mode.purge')}</option>
          </select>
        </label>
        <button type="submit" class="lt-button" disabled={!changed}>
          {t('re.save')}
        </button>
        {procedure.isDefault && <span class="ws-muted">({t('re.default')})</span>}
      </form>
      {error && <p class="re-error">{error}</p>}
      <dl class="re-due">
        <dt>{t('re.closedBefore')}</dt>
        <dd>{formatDate(procedure.closedBefore)}</dd>
        <dt>{t('re.due')}</dt>
        <dd class="re-count">{procedure.due.count}</dd>
        <dt>{t('re.oldest')}</dt>
        <dd>{procedure.due.oldestClosedAt ? formatDate(procedure.due.oldestClosedAt) : '—'}</dd>
        <dt>{t('re.attachments')}</dt>
        <dd>{t('re.attachmentsOf', { count: procedure.due.attachmentCount, size: sizeText(procedure.due.attachmentBytes) })}</dd>
      </dl>
    </li>
  );
}

export function RetentionPage() {
  const [report, setReport] = useState<Report>();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [progress, setProgress] = useState<string>();
  const [expired, setExpired] = useState<Expired[]>([]);
  const [running, setRunning] = useState(false);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    requestJson<Report>('GET', '/api/retention').then(
      (next) => (setReport(next), setError(undefined)),
      (failure: unknown) => setError(problemMessage(failure)),
    );
  }, [version]);

  const total = report?.procedures.reduce((sum, procedure) => sum + procedure.due.count, 0) ?? 0;

  async function run() {
    if (!window.confirm(t('re.confirm', { count: total }))) return;
    setRunning(true);
    setExpired([]);
    let done = 0;
    try {
      for (;;) {
        const batch = await requestJson<{ expired: Expired[]; remaining: number }>('POST', '/api/retention/runs', { limit: BATCH });
        done += batch.expired.length;
        setExpired((list) => [...list, ...batch.expired]);
        setProgress(t('re.running', { done, remaining: batch.remaining }));
        // Nothing left, or nothing this batch could take (another administrator's run holds the rest): stop asking.
        if (batch.remaining === 0 || batch.expired.length === 0) break;
      }
      setProgress(t('re.finished', { done }));
    } catch (failure) {
      setError(problemMessage(failure));
    } finally {
      setRunning(false);
      setVersion((value) => value + 1);
    }
  }

  return (
    <div class="re-page">
      <div class="ws-toolbar">
        <h2 class="ws-title">{t('re.title')}</h2>
      </div>
      <p class="ws-muted">{t('re.intro', { years: report?.default.years ?? 10 })}</p>
      {error && <p class="re-error">{error}</p>}
      {notice && <p class="re-notice">{notice}</p>}
      {report && (
        <section class="ws-card">
          <h3>{t('re.report')}</h3>
          <p class="ws-muted">{t('re.generatedAt', { at: formatDateTime(report.generatedAt) })}</p>
          {report.procedures.length === 0 ? (
            <p>{t('re.none')}</p>
          ) : (
            <ul class="re-procedures">
              {report.procedures.map((procedure) => (
                <PolicyRow key={`${procedure.key}:${version}`} procedure={procedure} onSaved={(message) => (setNotice(message), setVersion((value) => value + 1))} />
              ))}
            </ul>
          )}
          <div class="re-run">
            <strong class="re-total">{t('re.total', { count: total })}</strong>
            <button type="button" class="lt-button" disabled={running || total === 0} onClick={() => void run()}>
              {t('re.run')}
            </button>
          </div>
          {progress && <p class="re-progress">{progress}</p>}
          {expired.length > 0 && (
            <>
              <h4>{t('re.expired')}</h4>
              <ul class="re-expired">
                {expired.map((dossier) => (
                  <li key={dossier.dossierCode}>
                    <code>{dossier.dossierCode}</code> — {dossier.archive ? t('re.archived', { sha: dossier.archive.sha256.slice(0, 16) + '…' }) : t('re.purged')}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
    </div>
  );
}
