/**
 * @module appShell — the header (brand, the navigation of whoever is here, sign-in or sign-out, language) and the
 * client-side router over routeTable. A visitor sees the citizen's pages and a sign-in; signed-in staff see their
 * workspaces. Below 960 px the navigation folds behind a menu button at the top right, within a thumb's reach.
 */
import { SESSION_CHANGED, signOut } from '../api/api-client';
import { currentLocale, setLocale, t, type Locale } from '../i18n/locale';
import type { CurrentUser } from '../workspaces/common/workspace-api';
import { INBOX_COUNT_EVENT, showInboxCount, watchInboxCount } from '../workspaces/inbox/inbox-badge';
import { findRoute, homeRoute, isShownTo, labelFor, routeTable, type MountView, type Role } from './route-table';
import { sessionUser } from './session-user';
import { SIGN_IN_PATH, mountSignInView } from './sign-in-view';

/** Mount the shell into `root` and render the route of the current location. */
export function createAppShell(root: HTMLElement): { navigate(path: string): void } {
  let unmount: (() => void) | void;
  let renderId = 0;
  const header = document.createElement('header');
  header.className = 'app-header';
  const main = document.createElement('main');
  main.className = 'app-main';
  root.replaceChildren(header, main);

  // The inbox tab's badge: officials and heads of unit watch their unit's waiting steps (inbox/inbox-badge.ts).
  let inboxCount: number | undefined;
  let stopInboxCount: (() => void) | undefined;
  window.addEventListener(INBOX_COUNT_EVENT, (event) => {
    inboxCount = (event as CustomEvent<number>).detail;
    showInboxCount(header, inboxCount);
  });

  const closeMenu = () => {
    header.classList.remove('app-menu-open');
    header.querySelector('.app-menu-button')?.setAttribute('aria-expanded', 'false');
  };

  const renderHeader = (user: CurrentUser | undefined) => {
    const role = user?.role as Role | undefined;
    const active = findRoute(location.pathname)?.path ?? location.pathname;
    header.replaceChildren();
    closeMenu();

    const brand = link('/', 'app-brand');
    brand.append(textElement('strong', 'Liên thông'), textElement('span', t('app.tagline')));

    const menuButton = document.createElement('button');
    menuButton.type = 'button';
    menuButton.className = 'app-menu-button';
    menuButton.setAttribute('aria-expanded', 'false');
    menuButton.setAttribute('aria-controls', 'app-menu');
    menuButton.append(textElement('span', '', 'app-menu-icon'), textElement('span', t('shell.menu')));
    menuButton.querySelector('.app-menu-icon')!.setAttribute('aria-hidden', 'true');
    menuButton.addEventListener('click', () => {
      const open = header.classList.toggle('app-menu-open');
      menuButton.setAttribute('aria-expanded', String(open));
    });

    const menu = document.createElement('div');
    menu.className = 'app-menu';
    menu.id = 'app-menu';
    const nav = document.createElement('nav');
    nav.className = 'app-nav';
    nav.setAttribute('aria-label', t('shell.navigation'));
    for (const route of routeTable.filter((candidate) => candidate.inNavigation !== false && isShownTo(candidate, role))) {
      const item = link(route.path);
      item.textContent = t(labelFor(route, role));
      if (route.path === active) item.setAttribute('aria-current', 'page');
      nav.append(item);
    }

    const account = document.createElement('div');
    account.className = 'app-account';
    if (user) {
      const signOutButton = textElement('button', t('shell.signOut'), 'app-sign-out');
      (signOutButton as HTMLButtonElement).type = 'button';
      signOutButton.addEventListener('click', () => void signOut().then(() => navigate('/')));
      account.append(textElement('span', user.displayName, 'app-user-name'), signOutButton);
    } else {
      const signIn = link(SIGN_IN_PATH, 'app-sign-in');
      signIn.textContent = t('shell.signIn');
      if (active === SIGN_IN_PATH) signIn.setAttribute('aria-current', 'page');
      account.append(signIn);
    }

    const language = document.createElement('div');
    language.className = 'app-language';
    language.setAttribute('role', 'group');
    language.setAttribute('aria-label', t('app.language'));
    for (const [locale, label] of [['vi', 'Tiếng Việt'], ['en', 'English']] as [Locale, string][]) {
      const button = textElement('button', label) as HTMLButtonElement;
      button.type = 'button';
      // Each language is named in itself: lang tells screen readers (and the Vietnamese-UI test) that "English" is.
      button.lang = locale;
      button.setAttribute('aria-pressed', String(currentLocale() === locale));
      button.addEventListener('click', () => {
        if (currentLocale() === locale) return;
        setLocale(locale);
        void render();
      });
      language.append(button);
    }
    menu.append(nav, account, language);
    header.append(brand, menuButton, menu);
    if (role === 'official' || role === 'headOfUnit') stopInboxCount ??= watchInboxCount();
    else {
      stopInboxCount?.();
      stopInboxCount = undefined;
      inboxCount = undefined;
    }
    showInboxCount(header, inboxCount);
  };

  const render = async () => {
    const id = ++renderId;
    const user = await sessionUser();
    if (id !== renderId) return;
    const role = user?.role as Role | undefined;
    let route = findRoute(location.pathname);
    if (!route && location.pathname !== SIGN_IN_PATH) {
      route = homeRoute(role) ?? routeTable.find((candidate) => candidate.audience === 'public');
      if (route) history.replaceState(null, '', route.path);
    }
    document.documentElement.lang = currentLocale();
    document.title = `Liên thông — ${t('app.tagline')}`;
    renderHeader(user);
    if (unmount) unmount();
    unmount = undefined;
    main.replaceChildren();
    const mount: MountView = route ? await route.load() : mountSignInView((signedIn) => navigate(homeRoute(signedIn.role as Role)?.path ?? '/'));
    if (id !== renderId) return;
    unmount = mount(main);
  };

  const navigate = (path: string) => {
    if (path !== location.pathname) history.pushState(null, '', path);
    void render();
  };

  /** A sign-in or sign-out inside a page (its own sign-in form) changes the navigation, not the page. */
  const refreshHeader = async () => {
    const id = renderId;
    const user = await sessionUser();
    if (id === renderId) renderHeader(user);
  };

  root.addEventListener('click', (event) => {
    const anchor = (event.target as Element).closest<HTMLAnchorElement>('a[data-link]');
    if (!anchor || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    navigate(new URL(anchor.href).pathname);
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') closeMenu();
  });
  window.addEventListener('popstate', () => void render());
  window.addEventListener(SESSION_CHANGED, () => void refreshHeader());
  window.addEventListener('storage', (event) => {
    if (event.key === 'lienthong.token') void refreshHeader();
  });
  void render();
  return { navigate };
}

function link(href: string, className?: string): HTMLAnchorElement {
  const anchor = document.createElement('a');
  anchor.href = href;
  anchor.dataset.link = '';
  if (className) anchor.className = className;
  return anchor;
}

function textElement(tag: string, text: string, className?: string): HTMLElement {
  const created = document.createElement(tag);
  created.textContent = text;
  if (className) created.className = className;
  return created;
}
