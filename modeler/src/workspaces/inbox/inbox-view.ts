/**
 * @module inboxView — what an official does first: their open steps ("của tôi") or their unit's ("của phòng"), most
 * urgent first (overdue, nearly due, then by due time, as the server ranks them), each with its badge, the working
 * time left in words, and buttons to claim and open. The server answers pages of at most 100 steps: the chips count
 * every open step of the scope (`total`), and the pager under the table reaches the others.
 */
import { t } from '../../i18n/locale';
import { loadAgencyNames, type AgencyNames } from '../common/agency-names';
import { element } from '../common/element';
import { errorNote } from '../common/problem-message';
import { workspaceApi, type CurrentUser, type InboxItem, type InboxPage } from '../common/workspace-api';
import { formatDateTime, markBadge, remainingText } from '../common/workspace-format';

type Scope = 'mine' | 'department';

/** The inbox refreshes itself: the working time left moves, and colleagues hand steps over. */
const REFRESH_MS = 60_000;

/** The server's largest inbox page (`GET /api/inbox?limit=`). */
const PAGE_SIZE = 100;

export function renderInboxView(container: HTMLElement, user: CurrentUser): () => void {
  let scope: Scope = sessionStorage.getItem('lienthong.inboxScope') === 'mine' ? 'mine' : 'department';
  let names: AgencyNames | undefined;
  let closed = false;
  let offset = 0;
  const unit = element('p', { className: 'ws-subtitle' });
  const tabs = element('div', { className: 'ws-tabs', attrs: { role: 'tablist' } });
  const summary = element('div', { className: 'ws-inbox-summary', attrs: { 'aria-live': 'polite' } });
  const status = element('div', { className: 'ws-status', attrs: { 'aria-live': 'polite' } });
  const list = element('div', { className: 'ws-inbox-list' });
  const pager = element('nav', { className: 'ws-pager', attrs: { 'aria-label': t('ws.inbox.pages') } });
  container.append(element('h2', { className: 'ws-title', text: t('nav.inbox') }), unit, tabs, summary, status, list, pager);

  const renderTabs = () => {
    tabs.replaceChildren(
      ...(['mine', 'department'] as Scope[]).map((value) =>
        element('button', {
          className: 'ws-tab',
          text: t(value === 'mine' ? 'ws.inbox.mine' : 'ws.inbox.department'),
          attrs: { type: 'button', role: 'tab', 'aria-selected': String(scope === value) },
          dataset: { scope: value },
          on: {
            click: () => {
              scope = value;
              offset = 0;
              sessionStorage.setItem('lienthong.inboxScope', value);
              renderTabs();
              void load();
            },
          },
        }),
      ),
    );
  };

  const load = async () => {
    list.setAttribute('aria-busy', 'true');
    try {
      names ??= await loadAgencyNames();
      unit.textContent = [names.agency(user.agencyId), names.department(user.departmentId)].filter(Boolean).join(' — ');
      const answer = await workspaceApi.inbox(scope, { offset, limit: PAGE_SIZE });
      if (closed) return;
      // Steps completed meanwhile can leave this page past the end: show the last page there is.
      if (answer.items.length === 0 && offset > 0 && answer.total > 0) {
        offset = Math.floor((answer.total - 1) / PAGE_SIZE) * PAGE_SIZE;
        return void load();
      }
      renderSummary(summary, answer);
      renderPager(pager, offset, answer, (next) => {
        offset = next;
        void load();
      });
      const { items } = answer;
      list.replaceChildren(items.length === 0 ? element('p', { className: 'ws-empty', text: t('ws.inbox.empty') }) : inboxTable(items, user, claim));
    } catch (error) {
      list.replaceChildren(errorNote(error));
    } finally {
      list.setAttribute('aria-busy', 'false');
    }
  };

  const claim = async (item: InboxItem) => {
    status.replaceChildren();
    try {
      await workspaceApi.claim(item.id);
      status.replaceChildren(element('p', { className: 'ws-ok', text: t('ws.inbox.claimed', { code: item.dossierCode, step: item.name }) }));
      await load();
    } catch (error) {
      status.replaceChildren(errorNote(error));
    }
  };

  renderTabs();
  void load();
  const timer = setInterval(() => void load(), REFRESH_MS);
  return () => {
    closed = true;
    clearInterval(timer);
  };
}

function renderSummary(target: HTMLElement, { items, total, marks }: InboxPage): void {
  // A server without `marks` answers one page only: its steps are then all there are.
  const count = (mark: 'overdue' | 'nearlyDue') => marks?.[mark] ?? items.filter((item) => item.mark === mark).length;
  target.replaceChildren(
    element('span', { className: 'ws-chip', dataset: { count: 'total' }, text: t('ws.inbox.total', { count: total }) }),
    element('span', { className: 'ws-chip ws-chip-overdue', text: t('ws.inbox.overdueCount', { count: count('overdue') }) }),
    element('span', { className: 'ws-chip ws-chip-nearlyDue', text: t('ws.inbox.nearlyDueCount', { count: count('nearlyDue') }) }),
  );
}

/** "Steps 101–200 of 250" with the previous and next page; nothing when one page holds every step. */
function renderPager(target: HTMLElement, offset: number, { items, total }: InboxPage, go: (offset: number) => void): void {
  if (offset === 0 && items.length >= total) {
    target.replaceChildren();
    return;
  }
  const button = (key: 'ws.inbox.previousPage' | 'ws.inbox.nextPage', next: number, enabled: boolean) =>
    element('button', { className: 'lt-button', text: t(key), attrs: { type: 'button', disabled: enabled ? undefined : '' }, dataset: { page: key === 'ws.inbox.nextPage' ? 'next' : 'previous' }, on: { click: () => go(next) } });
  target.replaceChildren(
    button('ws.inbox.previousPage', Math.max(0, offset - PAGE_SIZE), offset > 0),
    element('span', { className: 'ws-pager-range', text: t('ws.inbox.range', { from: offset + 1, to: offset + items.length, total }) }),
    button('ws.inbox.nextPage', offset + items.length, offset + items.length < total),
  );
}

function inboxTable(items: InboxItem[], user: CurrentUser, claim: (item: InboxItem) => Promise<void>): HTMLElement {
  const head = element(
    'tr',
    {},
    ...['ws.col.dossierCode', 'ws.col.step', 'ws.col.dueAt', 'ws.col.state', 'ws.col.remaining', 'ws.col.assignee', 'ws.col.actions'].map((key) =>
      element('th', { text: t(key as Parameters<typeof t>[0]), attrs: { scope: 'col' } }),
    ),
  );
  const rows = items.map((item) => {
    const actions = element('td', { className: 'ws-actions' });
    if (!item.assigneeId) {
      actions.append(element('button', { className: 'lt-button', text: t('ws.action.claim'), attrs: { type: 'button' }, on: { click: () => void claim(item) } }));
    }
    actions.append(element('a', { className: 'lt-button lt-primary', text: t('ws.action.open'), attrs: { href: `/inbox/dossiers/${encodeURIComponent(item.dossierId)}`, 'data-link': '' } }));
    const assignee = item.assigneeId === user.id ? t('ws.inbox.me') : item.assigneeId ? item.assigneeId : t('ws.inbox.unassigned');
    return element(
      'tr',
      { className: `ws-row-${item.mark}`, dataset: { stepId: item.id, dossierCode: item.dossierCode, mark: item.mark } },
      element('td', { className: 'ws-code', text: item.dossierCode }),
      element('td', { text: item.name }),
      element('td', { text: formatDateTime(item.dueAt) }),
      element('td', {}, markBadge(item.mark)),
      element('td', { className: 'ws-remaining', text: remainingText(item.mark, item.remainingMs) }),
      element('td', { text: assignee }),
      actions,
    );
  });
  return element('table', { className: 'ws-table ws-inbox-table' }, element('thead', {}, head), element('tbody', {}, ...rows));
}
