/** @module signInForm — asks an analyst to sign in before the modeler talks to the server. */
import { t } from '../i18n/locale';
import { signIn } from '../api/api-client';

export function renderSignInForm(container: HTMLElement, onSignedIn: () => void): void {
  const form = document.createElement('form');
  form.className = 'sign-in';
  form.innerHTML = `
    <h2></h2>
    <label><span></span><input name="username" autocomplete="username" required /></label>
    <label><span></span><input name="password" type="password" autocomplete="current-password" required /></label>
    <p class="sign-in-error" role="alert" hidden></p>
    <button type="submit" class="lt-button lt-primary"></button>`;
  const [title, userLabel, passwordLabel] = [form.querySelector('h2')!, ...form.querySelectorAll('label span')] as HTMLElement[];
  title!.textContent = t('signIn.title');
  userLabel!.textContent = t('signIn.username');
  passwordLabel!.textContent = t('signIn.password');
  form.querySelector('button')!.textContent = t('signIn.submit');
  const error = form.querySelector<HTMLElement>('.sign-in-error')!;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    signIn(String(data.get('username')), String(data.get('password')))
      .then(onSignedIn)
      .catch(() => {
        error.hidden = false;
        error.textContent = t('signIn.failed');
      });
  });
  container.replaceChildren(form);
}
