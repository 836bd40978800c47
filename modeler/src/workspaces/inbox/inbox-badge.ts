/**
 * @module inboxBadge — the number on the navigation's inbox tab: the open steps of the official's unit they may act
 * on. `watchInboxCount` reads it now and again whenever open steps change (the inbox's event stream), and announces
 * it as `lienthong:inbox-count` (`detail`: the number) on `window`, which the shell's navigation listens to. Watching
 * twice shares one stream; each returned function stops its own watch.
 */
import { t } from '../../i18n/locale';
import { requestJson } from '../common/workspace-api';
import { listenToInbox, type InboxAnswer } from './inbox-api';
import './inbox-badge.css';

export const INBOX_COUNT_EVENT = 'lienthong:inbox-count';

let watchers = 0;
let stopStream: (() => void) | undefined;
let pending: ReturnType<typeof setTimeout> | undefined;

/** Announces a count the page already has (the inbox's own answer, unfiltered). */
export function announceInboxCount(count: number): void {
  window.dispatchEvent(new CustomEvent<number>(INBOX_COUNT_EVENT, { detail: count }));
}

/** Reads the unit's count and announces it. */
export async function refreshInboxCount(): Promise<void> {
  try {
    const answer = await requestJson<InboxAnswer>('GET', '/api/inbox?limit=1');
    announceInboxCount(answer.counts.department);
  } catch {
    // Roles without an inbox (403) and signed-out visitors have no badge.
  }
}

export function watchInboxCount(): () => void {
  watchers += 1;
  if (watchers === 1) {
    void refreshInboxCount();
    stopStream = listenToInbox(() => {
      clearTimeout(pending);
      pending = setTimeout(() => void refreshInboxCount(), 200);
    });
  }
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    watchers -= 1;
    if (watchers === 0) {
      stopStream?.();
      stopStream = undefined;
      clearTimeout(pending);
    }
  };
}

/** Shows `count` on the inbox link of `nav` (hidden when nothing waits or nothing is known). */
export function showInboxCount(nav: ParentNode, count: number | undefined): void {
  const link = nav.querySelector<HTMLAnchorElement>('a[href="/inbox"]');
  if (!link) return;
  let badge = link.querySelector<HTMLElement>('.app-nav-badge');
  if (!badge) {
    badge = document.createElement('span');
    badge.className = 'app-nav-badge';
    link.append(badge);
  }
  badge.hidden = !count;
  badge.textContent = count ? String(count) : '';
  badge.title = count ? t('off.inbox.badge', { count }) : '';
  badge.setAttribute('aria-label', badge.title);
}
