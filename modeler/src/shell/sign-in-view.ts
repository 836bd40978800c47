/**
 * @module signInView — the staff sign-in reached from the header (`/sign-in`); signed in, the shell sends them home.
 * Where the server offers it (`GET /api/auth/methods`), officials sign in with their province account: the button
 * sends the browser to the province's identity provider, which sends it back here with `?code=…&state=…`; this view
 * hands that query, with the seal this tab kept since the start, to the server (`POST /api/auth/oidc/callback`,
 * OpenID Connect code flow with PKCE) and takes the session. The username-and-password form stays for the pilot unless the server has turned it off.
 */
import { finishProvinceSignIn, signIn, signInMethods, startProvinceSignIn } from '../api/api-client';
import { t } from '../i18n/locale';
import { problemMessage } from '../workspaces/common/problem-message';
import type { CurrentUser } from '../workspaces/common/workspace-api';
import type { MountView } from './route-table';
import { sessionUser } from './session-user';

export const SIGN_IN_PATH = '/sign-in';

/** The query the identity provider sent the browser back with: a code or an error, always with the state. */
function providerAnswer(search: string): string | undefined {
  const query = new URLSearchParams(search);
  return query.has('state') && (query.has('code') || query.has('error')) ? search : undefined;
}

/** The form; `onSignedIn` receives the user the server answers for the new session. */
export function mountSignInView(onSignedIn: (user: CurrentUser) => void): MountView {
  return (container) => {
    const form = document.createElement('form');
    form.className = 'sign-in';
    form.innerHTML = `
      <h2></h2>
      <p class="sign-in-status" role="status" hidden></p>
      <button type="button" class="lt-button lt-primary sign-in-province" hidden></button>
      <p class="sign-in-hint" hidden></p>
      <p class="sign-in-or" hidden></p>
      <label class="sign-in-password"><span></span><input name="username" autocomplete="username" required /></label>
      <label class="sign-in-password"><span></span><input name="password" type="password" autocomplete="current-password" required /></label>
      <p class="sign-in-error" role="alert" hidden></p>
      <button type="submit" class="lt-button lt-primary sign-in-password"></button>`;
    const [title, userLabel, passwordLabel] = [form.querySelector('h2')!, ...form.querySelectorAll('label span')] as HTMLElement[];
    title!.textContent = t('shell.signIn.title');
    userLabel!.textContent = t('signIn.username');
    passwordLabel!.textContent = t('signIn.password');
    const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    submit.textContent = t('signIn.submit');
    const province = form.querySelector<HTMLButtonElement>('.sign-in-province')!;
    province.textContent = t('signIn.province');
    const hint = form.querySelector<HTMLElement>('.sign-in-hint')!;
    hint.textContent = t('signIn.provinceHint');
    const or = form.querySelector<HTMLElement>('.sign-in-or')!;
    or.textContent = t('signIn.or');
    const status = form.querySelector<HTMLElement>('.sign-in-status')!;
    const error = form.querySelector<HTMLElement>('.sign-in-error')!;
    const showError = (message: string) => {
      status.hidden = true;
      error.hidden = false;
      error.textContent = message;
    };
    const signedIn = () =>
      sessionUser().then((user) => {
        if (user) onSignedIn(user);
      });

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const data = new FormData(form);
      signIn(String(data.get('username')), String(data.get('password')))
        .then(signedIn)
        .catch(() => showError(t('signIn.failed')));
    });
    province.addEventListener('click', () => {
      province.disabled = true;
      startProvinceSignIn()
        .then((authorizationUrl) => location.assign(authorizationUrl))
        .catch((failure: unknown) => {
          province.disabled = false;
          showError(problemMessage(failure));
        });
    });

    // Which ways are open; a server that cannot say offers the password form as before.
    void signInMethods()
      .catch(() => ({ password: true, oidc: false }))
      .then((methods) => {
        province.hidden = hint.hidden = !methods.oidc;
        or.hidden = !(methods.oidc && methods.password);
        for (const element of form.querySelectorAll<HTMLElement>('.sign-in-password')) element.hidden = !methods.password;
        // The province account is the way to sign in once it is offered; the password form becomes the second one.
        submit.classList.toggle('lt-primary', !methods.oidc);
      });

    const answer = providerAnswer(location.search);
    if (answer) {
      // The code answers once: off the address bar, so a reload or a shared link does not send it again.
      history.replaceState(null, '', SIGN_IN_PATH);
      status.hidden = false;
      status.textContent = t('signIn.finishing');
      finishProvinceSignIn(answer)
        .then(signedIn)
        .catch((failure: unknown) => showError(problemMessage(failure)));
    }
    container.replaceChildren(form);
  };
}
