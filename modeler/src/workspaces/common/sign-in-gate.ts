/**
 * @module signInGate — the signed-in pages (inbox, dossier, dashboard, heatmap) ask for a sign-in first. Who is
 * signed in, and signing out, are the shell's header's (shell/app-shell.ts), shown once for every page.
 */
import { signIn } from '../../api/api-client';
import { t } from '../../i18n/locale';
import { element } from './element';
import { problemMessage } from './problem-message';
import { workspaceApi, type CurrentUser } from './workspace-api';

export type SignedInView = (container: HTMLElement, user: CurrentUser) => (() => void) | void;

/** Mounts `view` once somebody is signed in; the returned function unmounts whichever is showing. */
export function mountSignedIn(container: HTMLElement, view: SignedInView): () => void {
  let cleanup: (() => void) | void;
  let closed = false;
  const show = async () => {
    let user: CurrentUser | undefined;
    try {
      user = localStorage.getItem('lienthong.token') ? await workspaceApi.me() : undefined;
    } catch {
      user = undefined;
    }
    if (closed) return;
    container.replaceChildren();
    if (!user) {
      renderForm(container, () => void show());
      return;
    }
    const body = element('div', { className: 'ws-page-body' });
    container.append(body);
    cleanup = view(body, user);
  };
  void show();
  return () => {
    closed = true;
    if (cleanup) cleanup();
  };
}

function renderForm(container: HTMLElement, onSignedIn: () => void): void {
  const username = element('input', { attrs: { name: 'username', autocomplete: 'username', required: '' } });
  const password = element('input', { attrs: { name: 'password', type: 'password', autocomplete: 'current-password', required: '' } });
  const error = element('p', { className: 'sign-in-error', attrs: { role: 'alert', hidden: '' } });
  const form = element(
    'form',
    { className: 'sign-in' },
    element('h2', { text: t('ws.signIn.title') }),
    element('label', {}, element('span', { text: t('signIn.username') }), username),
    element('label', {}, element('span', { text: t('signIn.password') }), password),
    error,
    element('button', { className: 'lt-button lt-primary', text: t('signIn.submit'), attrs: { type: 'submit' } }),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    signIn(username.value, password.value)
      .then(onSignedIn)
      .catch((failure: unknown) => {
        error.hidden = false;
        error.textContent = (failure as { status?: number }).status === 401 ? t('signIn.failed') : problemMessage(failure);
      });
  });
  container.replaceChildren(form);
}
