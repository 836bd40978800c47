/** @module signInView — the staff sign-in reached from the header (`/sign-in`); signed in, the shell sends them home. */
import { signIn } from '../api/api-client';
import { t } from '../i18n/locale';
import type { CurrentUser } from '../workspaces/common/workspace-api';
import type { MountView } from './route-table';
import { sessionUser } from './session-user';

export const SIGN_IN_PATH = '/sign-in';

/** The form; `onSignedIn` receives the user the server answers for the new session. */
export function mountSignInView(onSignedIn: (user: CurrentUser) => void): MountView {
  return (container) => {
    const form = document.createElement('form');
    form.className = 'sign-in';
    form.innerHTML = `
      <h2></h2>
      <label><span></span><input name="username" autocomplete="username" required /></label>
      <label><span></span><input name="password" type="password" autocomplete="current-password" required /></label>
      <p class="sign-in-error" role="alert" hidden></p>
      <button type="submit" class="lt-button lt-primary"></button>`;
    const [title, userLabel, passwordLabel] = [form.querySelector('h2')!, ...form.querySelectorAll('label span')] as HTMLElement[];
    title!.textContent = t('shell.signIn.title');
    userLabel!.textContent = t('signIn.username');
    passwordLabel!.textContent = t('signIn.password');
    form.querySelector('button')!.textContent = t('signIn.submit');
    const error = form.querySelector<HTMLElement>('.sign-in-error')!;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const data = new FormData(form);
      signIn(String(data.get('username')), String(data.get('password')))
        .then(() => sessionUser())
        .then((user) => {
          if (user) onSignedIn(user);
        })
        .catch(() => {
          error.hidden = false;
          error.textContent = t('signIn.failed');
        });
    });
    container.replaceChildren(form);
  };
}
