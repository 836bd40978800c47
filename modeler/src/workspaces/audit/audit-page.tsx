/**
 * @module AuditPage — the audit of administration for administrators (issue 18 item 4): filters by who, action,
 * target and period, a page of records newest first, each with what changed (field: before → after) and the client
 * address, and the same selection as CSV (the server's export). Read only: the API has no way to change a record.
 */
import { useEffect, useState } from 'preact/hooks';
import type { GetAnswer } from '../../api/api-answer';
import { t, type MessageKey } from '../../i18n/locale';
import { problemMessage } from '../common/problem-message';
import { requestBlob, requestJson, withQuery, workspaceApi, type CurrentUser } from '../common/workspace-api';
import { formatDateTime } from '../common/workspace-format';
import './audit.css';

type AuditPageAnswer = GetAnswer<'/api/audit'>;
type AuditRecord = AuditPageAnswer['items'][number];

const PAGE_SIZE = 20;
const ACTIONS = ['user.created', 'user.changed', 'agency.created', 'agency.changed', 'calendar.changed', 'procedure.deployed', 'procedure.retention_changed', 'retention.ran', 'outbox.replayed', 'outbox.skipped'] as const;
const KINDS = ['user', 'agency', 'calendar', 'procedure', 'setting', 'outboxDelivery'] as const;

const actionLabel = (action: string) => ((ACTIONS as readonly string[]).includes(action) ? t(`au.action.${action}` as MessageKey) : action);
const show = (value: unknown) => (value === undefined ? '∅' : typeof value === 'string' ? value : JSON.stringify(value));

/** The top-level fields whose value differs, as "field: before → after" (everything of a creation). */
function changes(record: AuditRecord): string[] {
  const before = (record.before ?? {}) as Record<string, unknown>;
  const after = (record.after ?? {}) as Record<string, unknown>;
  if (typeof before !== 'object' || typeof after !== 'object') return [`${show(record.before)} → ${show(record.after)}`];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key])).map((key) => `${key}: ${show(before[key])} → ${show(after[key])}`);
}

interface Filters {
  actorId: string;
  action: string;
  targetKind: string;
  from: string;
  to: string;
}

/** A day as officials write it, dd/mm/yyyy (a date input would follow the browser's language), as yyyy-mm-dd. */
function isoDay(text: string): string | undefined {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  return match ? `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}` : undefined;
}

/** The filters as the API's query: whole days in Vietnam's time (UTC+7); a day not written dd/mm/yyyy is ignored. */
const toQuery = (filters: Filters) => {
  const from = isoDay(filters.from);
  const to = isoDay(filters.to);
  return {
    actorId: filters.actorId || undefined,
    action: filters.action || undefined,
    targetKind: filters.targetKind || undefined,
    from: from ? `${from}T00:00:00+07:00` : undefined,
    to: to ? `${to}T23:59:59.999+07:00` : undefined,
  };
};

export function AuditPage() {
  const [draft, setDraft] = useState<Filters>({ actorId: '', action: '', targetKind: '', from: '', to: '' });
  const [filters, setFilters] = useState<Filters>(draft);
  const [offset, setOffset] = useState(0);
  const [answer, setAnswer] = useState<AuditPageAnswer>();
  const [users, setUsers] = useState<CurrentUser[]>([]);
  const [error, setError] = useState<string>();

  useEffect(() => {
    workspaceApi.users().then((list) => setUsers(Array.isArray(list) ? list : list.items), () => undefined);
  }, []);

  useEffect(() => {
    let stale = false;
    requestJson<AuditPageAnswer>('GET', withQuery('/api/audit', { ...toQuery(filters), offset, limit: PAGE_SIZE }))
      .then((next) => !stale && (setAnswer(next), setError(undefined)))
      .catch((failure: unknown) => !stale && setError(problemMessage(failure)));
    return () => void (stale = true);
  }, [filters, offset]);

  const nameOf = (id: string) => users.find((user) => user.id === id)?.displayName ?? id;
  const set = (field: keyof Filters) => (event: Event) => setDraft({ ...draft, [field]: (event.currentTarget as HTMLInputElement).value });

  async function downloadCsv() {
    try {
      const blob = await requestBlob(withQuery('/api/audit/export', toQuery(filters)));
      const link = Object.assign(document.createElement('a'), { href: URL.createObjectURL(blob), download: 'nhat-ky-quan-tri.csv' });
      link.click();
      URL.revokeObjectURL(link.href);
    } catch (failure) {
      setError(problemMessage(failure));
    }
  }

  const pages = answer ? Math.max(1, Math.ceil(answer.total / PAGE_SIZE)) : 1;
  return (
    <div class="au-page">
      <div class="ws-toolbar">
        <h2 class="ws-title">{t('au.title')}</h2>
        <button type="button" class="lt-button" onClick={() => void downloadCsv()}>
          {t('au.csv')}
        </button>
        <a class="lt-button" href="/retention" data-link="">
          {t('nav.retention')}
        </a>
      </div>
      <p class="ws-muted">{t('au.intro')}</p>
      <form
        class="ws-filters"
        onSubmit={(event) => {
          event.preventDefault();
          setOffset(0);
          setFilters(draft);
        }}
      >
        <label class="ws-inline">
          <span>{t('au.actor')}</span>
          <select name="actorId" value={draft.actorId} onChange={set('actorId')}>
            <option value="">{t('au.all')}</option>
            {users.map((user) => (
              <option key={user.id} value={user.id}>
                {user.displayName}
              </option>
            ))}
          </select>
        </label>
        <label class="ws-inline">
          <span>{t('au.action')}</span>
          <select name="action" value={draft.action} onChange={set('action')}>
            <option value="">{t('au.all')}</option>
            {ACTIONS.map((action) => (
              <option key={action} value={action}>
                {actionLabel(action)}
              </option>
            ))}
          </select>
        </label>
        <label class="ws-inline">
          <span>{t('au.targetKind')}</span>
          <select name="targetKind" value={draft.targetKind} onChange={set('targetKind')}>
            <option value="">{t('au.all')}</option>
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`au.kind.${kind}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label class="ws-inline">
          <span>{t('au.from')}</span>
          <input type="text" name="from" class="ws-day" value={draft.from} onChange={set('from')} placeholder="dd/mm/yyyy" inputMode="numeric" pattern="\d{1,2}/\d{1,2}/\d{4}" size={10} />
        </label>
        <label class="ws-inline">
          <span>{t('au.to')}</span>
          <input type="text" name="to" class="ws-day" value={draft.to} onChange={set('to')} placeholder="dd/mm/yyyy" inputMode="numeric" pattern="\d{1,2}/\d{1,2}/\d{4}" size={10} />
        </label>
        <button type="submit" class="lt-button lt-primary">
          {t('au.apply')}
        </button>
      </form>
      {error ? <p class="au-error" role="alert">{error}</p> : null}
      {answer && answer.items.length === 0 ? <p class="ws-muted">{t('au.empty')}</p> : null}
      <ul class="au-records">
        {answer?.items.map((record) => (
          <li key={record.id} class="au-record" data-action={record.action}>
            <div class="au-record-head">
              <strong>{actionLabel(record.action)}</strong>
              <span>
                {t(`au.kind.${record.target.kind}` as MessageKey)} <code>{record.target.id}</code>
              </span>
            </div>
            <p class="au-meta">
              {formatDateTime(record.at)} · {nameOf(record.actorId)} · {t('au.address')}: {record.address}
            </p>
            <ul class="au-changes">
              {changes(record).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {answer && answer.total > PAGE_SIZE ? (
        <nav class="au-pages">
          <button type="button" class="lt-button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
            {t('au.previous')}
          </button>
          <span>{t('au.page', { page: offset / PAGE_SIZE + 1, pages, total: answer.total })}</span>
          <button type="button" class="lt-button" disabled={offset + PAGE_SIZE >= answer.total} onClick={() => setOffset(offset + PAGE_SIZE)}>
            {t('au.next')}
          </button>
        </nav>
      ) : null}
    </div>
  );
}
