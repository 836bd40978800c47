/**
 * @module inboxView — what an official does first: their open steps ("của tôi") or their unit's ("của phòng"), most
 * urgent first (overdue, nearly due, then by due time, as the server ranks them), each with its badge, the working
 * time left in words, and buttons to claim and open.
 */
import { t } from '../../i18n/locale';
import { loadAgencyNames, type AgencyNames } from '../common/agency-names';
import { element } from '../common/element';
import { errorNote } from '../common/problem-message';
import { workspaceApi, type CurrentUser, type InboxItem } from '../common/workspace-api';
import { formatDateTime, markBadge, remainingText } from '../common/workspace-format';

type Scope = 'mine' | 'department';

/** The inbox refreshes itself: the working time left moves, and colleagues hand steps over. */
const REFRESH_MS = 60_000;

export function renderInboxView(container: HTMLElement, user: CurrentUser): () => void {
  let scope: Scope = sessionStorage.getItem('lienthong.inboxScope') === 'mine' ? 'mine' : 'department';
  let names: AgencyNames | undefined;
  let closed = false;
  const unit = element('p', { className: 'ws-subtitle' });
  const tabs = element('div', { className: 'ws-tabs', attrs: { role: 'tablist' } });
  const summary = element('div', { className: 'ws-inbox-summary', attrs: { 'aria-live': 'polite' } });
  const status = element('div', { className: 'ws-status', attrs: { 'aria-live': 'polite' } });
  const list = element('div', { className: 'ws-inbox-list' });
  container.append(element('h2', { className: 'ws-title', text: t('nav.inbox') }), unit, tabs, summary, status, list);

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
      const { items } = await workspaceApi.inbox(scope);
      if (closed) return;
      renderSummary(summary, items);
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

function renderSummary(target: HTMLElement, items: InboxItem[]): void {
  const count = (mark: InboxItem['mark']) => items.filter((item) => item.mark === mark).length;
  target.replaceChildren(
    element('span', { className: 'ws-chip', text: t('ws.inbox.total', { count: items.length }) }),
    element('span', { className: 'ws-chip ws-chip-overdue', text: t('ws.inbox.overdueCount', { count: count('overdue') }) }),
    element('span', { className: 'ws-chip ws-chip-nearlyDue', text: t('ws.inbox.nearlyDueCount', { count: count('nearlyDue') }) }),
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
