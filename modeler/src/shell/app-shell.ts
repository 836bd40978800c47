/** @module appShell — header with navigation and language switch, and the client-side router over routeTable. */
import { currentLocale, setLocale, t, type Locale } from '../i18n/locale';
import { findRoute, routeTable } from './route-table';

/** Mount the shell into `root` and render the route of the current location. */
export function createAppShell(root: HTMLElement): { navigate(path: string): void } {
  let unmount: (() => void) | void;
  let renderId = 0;
  const header = document.createElement('header');
  header.className = 'app-header';
  const main = document.createElement('main');
  main.className = 'app-main';
  root.replaceChildren(header, main);

  const renderHeader = () => {
    const active = findRoute(location.pathname).path;
    header.replaceChildren();
    const brand = document.createElement('a');
    brand.className = 'app-brand';
    brand.href = '/modeler';
    brand.dataset.link = '';
    brand.innerHTML = `<strong>Liên thông</strong><span></span>`;
    brand.querySelector('span')!.textContent = t('app.tagline');
    const nav = document.createElement('nav');
    nav.className = 'app-nav';
    for (const route of routeTable) {
      const link = document.createElement('a');
      link.href = route.path;
      link.dataset.link = '';
      link.textContent = t(route.label);
      if (route.path === active) link.setAttribute('aria-current', 'page');
      nav.append(link);
    }
    const language = document.createElement('div');
    language.className = 'app-language';
    language.setAttribute('role', 'group');
    language.setAttribute('aria-label', t('app.language'));
    for (const [locale, label] of [['vi', 'Tiếng Việt'], ['en', 'English']] as [Locale, string][]) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = label;
      button.lang = locale;
      button.setAttribute('aria-pressed', String(currentLocale() === locale));
      button.addEventListener('click', () => {
        if (currentLocale() === locale) return;
        setLocale(locale);
        void render();
      });
      language.append(button);
    }
    header.append(brand, nav, language);
  };

  const render = async () => {
    const id = ++renderId;
    document.documentElement.lang = currentLocale();
    document.title = `Liên thông — ${t('app.tagline')}`;
    renderHeader();
    if (unmount) unmount();
    unmount = undefined;
    main.replaceChildren();
    const mount = await findRoute(location.pathname).load();
    if (id !== renderId) return;
    unmount = mount(main);
  };

  const navigate = (path: string) => {
    if (path !== location.pathname) history.pushState(null, '', path);
    void render();
  };

  root.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-link]');
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    navigate(new URL(link.href).pathname);
  });
  window.addEventListener('popstate', () => void render());
  void render();
  return { navigate };
}
