/**
 * @module InboxPage — what an official does first: their open steps ("của tôi") or their unit's ("của phòng"), each
 * tab with its count, most urgent first (the server ranks: overdue, nearly due, in time, paused). A search by dossier
 * code or applicant name, filters by procedure, claim and deadline phase (each phase with its count), all answered
 * by the server's query. New and nearly-due steps arrive without a reload (the inbox's event stream), announced to
 * screen readers and to the navigation's badge. Every control is a button, link or field: Tab reaches it, Enter acts.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '../../i18n/locale';
import { loadAgencyNames, type AgencyNames } from '../common/agency-names';
import { problemMessage } from '../common/problem-message';
import { workspaceApi, type CurrentUser, type InboxMark, type ProcedureSummary } from '../common/workspace-api';
import { formatDateTime, remainingText } from '../common/workspace-format';
import { fetchInbox, listenToInbox, PAGE_SIZE, SEARCH_MAX, type Claim, type InboxAnswer, type InboxFilters, type InboxStep, type Scope } from './inbox-api';
import { announceInboxCount } from './inbox-badge';
import './officials.css';

const PHASES: InboxMark[] = ['overdue', 'nearlyDue', 'due', 'paused'];
/** The working time left moves even when nothing happens: refetch this often. */
const REFRESH_MS = 60_000;
const SCOPE_KEY = 'lienthong.inboxScope';
const EMPTY_FILTERS: InboxFilters = { q: '', procedureKey: '', claim: '', phase: '' };

/** Officials and heads of unit receive dossiers at the counter (the server's `dossier.receive`). */
const mayReceive = (user: CurrentUser) => user.role === 'official' || user.role === 'headOfUnit';

export function InboxPage({ user }: { user: CurrentUser }) {
  const [scope, setScope] = useState<Scope>(sessionStorage.getItem(SCOPE_KEY) === 'mine' ? 'mine' : 'department');
  const [filters, setFilters] = useState<InboxFilters>(EMPTY_FILTERS);
  const [query, setQuery] = useState('');
  const [queryError, setQueryError] = useState('');
  const [offset, setOffset] = useState(0);
  const [answer, setAnswer] = useState<InboxAnswer>();
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const [live, setLive] = useState(true);
  const [names, setNames] = useState<AgencyNames>();
  const [procedures, setProcedures] = useState<ProcedureSummary[]>([]);
  const [revision, setRevision] = useState(0);
  const seen = useRef<Set<string> | undefined>(undefined);

  useEffect(() => {
    void loadAgencyNames().then(setNames).catch(() => undefined);
    void workspaceApi.procedures().then(setProcedures).catch(() => undefined);
  }, []);

  // One load per change of scope, filters, page or a change on the server; a stale answer is dropped.
  useEffect(() => {
    let current = true;
    fetchInbox(scope, filters, { offset, limit: PAGE_SIZE })
      .then((next) => {
        if (!current) return;
        // Steps completed meanwhile can leave this page past the end: show the last page there is.
        if (next.items.length === 0 && offset > 0 && next.total > 0) return setOffset(Math.floor((next.total - 1) / PAGE_SIZE) * PAGE_SIZE);
        const ids = new Set(next.items.map((item) => item.id));
        const arrived = seen.current ? [...ids].filter((id) => !seen.current!.has(id)) : [];
        seen.current = new Set([...(seen.current ?? []), ...ids]);
        setFresh(new Set(arrived));
        setAnswer(next);
        setError(undefined);
        const unfiltered = !filters.q && !filters.procedureKey && !filters.claim && !filters.phase;
        if (unfiltered) announceInboxCount(next.counts.department);
      })
      .catch((failure: unknown) => current && setError(failure));
    return () => {
      current = false;
    };
  }, [scope, filters, offset, revision]);

  useEffect(() => {
    let pending: ReturnType<typeof setTimeout> | undefined;
    const reload = () => setRevision((value) => value + 1);
    const stop = listenToInbox(
      () => {
        clearTimeout(pending);
        pending = setTimeout(reload, 150);
      },
      (isLive) => {
        setLive(isLive);
        if (isLive) reload();
      },
    );
    const timer = setInterval(reload, REFRESH_MS);
    return () => {
      stop();
      clearTimeout(pending);
      clearInterval(timer);
    };
  }, []);

  const chooseScope = (next: Scope) => {
    sessionStorage.setItem(SCOPE_KEY, next);
    seen.current = undefined;
    setScope(next);
    setOffset(0);
  };
  const filter = (change: Partial<InboxFilters>) => {
    seen.current = undefined;
    setFilters((previous) => ({ ...previous, ...change }));
    setOffset(0);
  };
  const search = (event: Event) => {
    event.preventDefault();
    if (query.length > SEARCH_MAX) return setQueryError(t('off.inbox.searchTooLong'));
    setQueryError('');
    filter({ q: query.trim() });
  };
  const claim = async (item: InboxStep) => {
    setNotice(undefined);
    try {
      await workspaceApi.claim(item.id);
      setNotice({ kind: 'ok', text: t('ws.inbox.claimed', { code: item.dossierCode, step: item.name }) });
      setRevision((value) => value + 1);
    } catch (failure) {
      setNotice({ kind: 'error', text: problemMessage(failure) });
    }
  };

  const unit = names ? [names.agency(user.agencyId), names.department(user.departmentId)].filter(Boolean).join(' — ') : '';
  const filtered = filters.q || filters.procedureKey || filters.claim || filters.phase;
  return (
    <div class="off-inbox">
      <div class="off-inbox-head">
        <div>
          <h2 class="ws-title">{t('off.inbox.title')}</h2>
          <p class="ws-subtitle">{unit}</p>
        </div>
        {mayReceive(user) && (
          <a class="lt-button lt-primary off-intake" href="/intake" data-link="">
            {t('off.inbox.intake')}
          </a>
        )}
      </div>

      <div class="ws-tabs" role="tablist" aria-label={t('off.inbox.tabs')}>
        {(['mine', 'department'] as Scope[]).map((value) => (
          <button type="button" role="tab" class="ws-tab" data-scope={value} aria-selected={scope === value} onClick={() => chooseScope(value)} key={value}>
            <span class="ws-tab-label">{t(value === 'mine' ? 'ws.inbox.mine' : 'ws.inbox.department')}</span>
            {answer && <span class="ws-tab-count">{answer.counts[value]}</span>}
          </button>
        ))}
      </div>

      <form class="off-search" role="search" onSubmit={search} noValidate>
        <label class="ws-field off-search-q">
          <span>{t('off.inbox.search')}</span>
          <input
            type="search"
            name="q"
            value={query}
            placeholder={t('off.inbox.searchHint')}
            aria-invalid={queryError ? 'true' : undefined}
            aria-describedby={queryError ? 'off-search-error' : undefined}
            onInput={(event) => setQuery((event.target as HTMLInputElement).value)}
          />
          {queryError && (
            <span class="off-field-error" id="off-search-error" role="alert">
              {queryError}
            </span>
          )}
        </label>
        <label class="ws-field">
          <span>{t('off.inbox.procedure')}</span>
          <select name="procedureKey" value={filters.procedureKey} onChange={(event) => filter({ procedureKey: (event.target as HTMLSelectElement).value })}>
            <option value="">{t('off.inbox.allProcedures')}</option>
            {procedures.map((procedure) => (
              <option value={procedure.key} key={procedure.key}>
                {procedure.name}
              </option>
            ))}
          </select>
        </label>
        <label class="ws-field">
          <span>{t('off.inbox.claim')}</span>
          <select name="claim" value={filters.claim} onChange={(event) => filter({ claim: (event.target as HTMLSelectElement).value as Claim })}>
            <option value="">{t('off.inbox.claimAll')}</option>
            <option value="unclaimed">{t('off.inbox.claimUnclaimed')}</option>
            <option value="claimed">{t('off.inbox.claimClaimed')}</option>
          </select>
        </label>
        <div class="off-search-buttons">
          <button type="submit" class="lt-button lt-primary">
            {t('off.inbox.searchSubmit')}
          </button>
          {filtered && (
            <button
              type="button"
              class="lt-button"
              onClick={() => {
                setQuery('');
                setQueryError('');
                filter(EMPTY_FILTERS);
              }}
            >
              {t('off.inbox.clear')}
            </button>
          )}
        </div>
      </form>

      <div class="off-phases" role="group" aria-label={t('off.inbox.phases')}>
        <button type="button" class="off-phase" data-phase="" aria-pressed={filters.phase === ''} onClick={() => filter({ phase: '' })}>
          {t('off.inbox.phaseAll')} <span class="off-phase-count">{answer ? PHASES.reduce((sum, phase) => sum + answer.marks[phase], answer.marks.none) : ''}</span>
        </button>
        {PHASES.map((phase) => (
          <button type="button" class={`off-phase off-phase-${phase}`} data-phase={phase} aria-pressed={filters.phase === phase} onClick={() => filter({ phase: filters.phase === phase ? '' : phase })} key={phase}>
            {t(`ws.mark.${phase}` as MessageKey)} <span class="off-phase-count">{answer?.marks[phase] ?? ''}</span>
          </button>
        ))}
      </div>

      <div class="ws-status" aria-live="polite">
        {notice && <p class={notice.kind === 'ok' ? 'ws-ok' : 'ws-error'}>{notice.text}</p>}
        {fresh.size > 0 && <p class="off-fresh-note">{t('off.inbox.newSteps', { count: fresh.size })}</p>}
        {!live && <p class="ws-muted off-offline">{t('off.inbox.offline')}</p>}
      </div>

      <div class="ws-inbox-list" aria-busy={answer === undefined && !error}>
        {error ? (
          <p class="ws-error" role="alert">
            {problemMessage(error)}
          </p>
        ) : answer === undefined ? (
          <p class="ws-muted">{t('ws.loading')}</p>
        ) : answer.items.length === 0 ? (
          <p class="ws-empty">{filtered ? t('off.inbox.noMatch') : t('ws.inbox.empty')}</p>
        ) : (
          <InboxTable items={answer.items} user={user} fresh={fresh} onClaim={(item) => void claim(item)} />
        )}
      </div>
      {answer && <Pager offset={offset} shown={answer.items.length} total={answer.total} go={setOffset} />}
    </div>
  );
}

function InboxTable({ items, user, fresh, onClaim }: { items: InboxStep[]; user: CurrentUser; fresh: Set<string>; onClaim(item: InboxStep): void }) {
  const columns: MessageKey[] = ['ws.col.dossierCode', 'off.inbox.applicant', 'ws.col.step', 'ws.col.dueAt', 'ws.col.state', 'ws.col.remaining', 'ws.col.assignee', 'ws.col.actions'];
  const labels = useMemo(() => columns.map((key) => t(key)), [columns.join()]);
  return (
    <table class="ws-table ws-inbox-table off-cards">
      <thead>
        <tr>
          {labels.map((label) => (
            <th scope="col" key={label}>
              {label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {items.map((item) => {
          const href = `/inbox/dossiers/${encodeURIComponent(item.dossierId)}`;
          const assignee = item.assigneeId === user.id ? t('ws.inbox.me') : (item.assigneeId ?? t('ws.inbox.unassigned'));
          return (
            <tr class={`ws-row-${item.mark}${fresh.has(item.id) ? ' off-row-new' : ''}`} data-step-id={item.id} data-dossier-code={item.dossierCode} data-mark={item.mark} key={item.id}>
              <td class="ws-code" data-label={labels[0]}>
                <a href={href} data-link="" class="off-code-link">
                  {item.dossierCode}
                </a>
              </td>
              <td class="off-applicant" data-label={labels[1]}>
                {item.applicantName ?? ''}
              </td>
              <td data-label={labels[2]}>{item.name}</td>
              <td data-label={labels[3]}>{formatDateTime(item.dueAt)}</td>
              <td data-label={labels[4]}>
                <span class={`ws-badge ws-badge-${item.mark}`}>{t(`ws.mark.${item.mark}` as MessageKey)}</span>
              </td>
              <td class="ws-remaining" data-label={labels[5]}>
                {remainingText(item.mark, item.remainingMs)}
              </td>
              <td class="off-assignee" data-label={labels[6]}>
                {assignee}
              </td>
              <td class="ws-actions">
                {!item.assigneeId && (
                  <button type="button" class="lt-button" onClick={() => onClaim(item)}>
                    {t('ws.action.claim')}
                  </button>
                )}
                <a class="lt-button lt-primary" href={href} data-link="">
                  {t('ws.action.open')}
                </a>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** "Steps 101–200 of 250" with the previous and next page; nothing when one page holds every step. */
function Pager({ offset, shown, total, go }: { offset: number; shown: number; total: number; go(offset: number): void }) {
  if (offset === 0 && shown >= total) return <nav class="ws-pager" aria-label={t('ws.inbox.pages')} />;
  return (
    <nav class="ws-pager" aria-label={t('ws.inbox.pages')}>
      <button type="button" class="lt-button" data-page="previous" disabled={offset === 0} onClick={() => go(Math.max(0, offset - PAGE_SIZE))}>
        {t('ws.inbox.previousPage')}
      </button>
      <span class="ws-pager-range">{t('ws.inbox.range', { from: offset + 1, to: offset + shown, total })}</span>
      <button type="button" class="lt-button" data-page="next" disabled={offset + shown >= total} onClick={() => go(offset + shown)}>
        {t('ws.inbox.nextPage')}
      </button>
    </nav>
  );
}
