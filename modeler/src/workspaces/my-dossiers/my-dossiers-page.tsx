/**
 * @module MyDossiersPage — `/my-dossiers`, "Hồ sơ của tôi" (issue 18): a citizen signs in with their electronic
 * identity (VNeID, OpenID Connect through the server: citizen-sign-in-routes.ts) and sees every dossier whose applicant
 * has their personal ID number, newest first, each with its status and dates and a link to its lookup. The provider
 * sends the browser back here with `code` and `state`; the seal of the start and the session live in this tab only
 * (sessionStorage), and the code is taken off the address bar at once. Where the province has not opened the citizens'
 * sign-in (`GET /api/citizen/sign-in/methods`), the page says so and leads to the lookup by code instead of offering a
 * button that can only fail.
 */
import { useEffect, useState } from 'preact/hooks';
import { ApiProblem } from '../../api/api-client';
import { t } from '../../i18n/locale';
import { problemMessage } from '../common/problem-message';
import { formatDate } from '../common/workspace-format';
import './my-dossiers.css';

type MyDossier = { dossierCode: string; procedureName: string; status: number; statusLabel: string; receivedAt?: string; appointmentAt?: string; finishedAt?: string };

const SEAL_KEY = 'lienthong.citizen.seal';
const SESSION_KEY = 'lienthong.citizen.session';

/** The server's problem (RFC 9457) as the workspaces show it. */
async function problemOf(response: Response): Promise<ApiProblem> {
  const body = (await response.json().catch(() => ({}))) as { code?: string; detail?: string; title?: string };
  return new ApiProblem({ status: response.status, code: body.code ?? 'UNKNOWN', detail: body.detail ?? body.title ?? '' });
}

async function send<T>(method: 'GET' | 'POST', path: string, options: { body?: unknown; session?: string } = {}): Promise<T> {
  const headers: Record<string, string> = { ...(options.body === undefined ? {} : { 'content-type': 'application/json' }), ...(options.session ? { 'x-citizen-session': options.session } : {}) };
  const response = await fetch(path, { method, headers, ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }) });
  if (!response.ok) throw await problemOf(response);
  return (await response.json()) as T;
}

/** The provider's answer (`?code=…&state=…`, or `?error=…`), if the browser was just sent back with one. */
const providerAnswer = (search: string) => (/[?&](code|error)=/.test(search) ? search : undefined);

export function MyDossiersPage() {
  const [session, setSession] = useState<{ token: string; name?: string } | undefined>(() => {
    const stored = sessionStorage.getItem(SESSION_KEY);
    return stored ? (JSON.parse(stored) as { token: string; name?: string }) : undefined;
  });
  const [dossiers, setDossiers] = useState<{ items: MyDossier[]; total: number }>();
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<string>();
  /** Whether citizens can sign in here; undefined until the server says. */
  const [open, setOpen] = useState<boolean>();

  const fail = (failure: unknown) => setError(problemMessage(failure));

  useEffect(() => {
    send<{ electronicIdentity: boolean }>('GET', '/api/citizen/sign-in/methods')
      .then((methods) => setOpen(methods.electronicIdentity))
      .catch(fail);
  }, []);

  // Back from the provider: the code answers once, so it leaves the address bar before it is sent.
  useEffect(() => {
    const answer = providerAnswer(location.search);
    if (!answer) return;
    history.replaceState(null, '', '/my-dossiers');
    setStatus(t('my.finishing'));
    send<{ token: string; name?: string }>('POST', '/api/citizen/sign-in/callback', { body: { query: answer, seal: sessionStorage.getItem(SEAL_KEY) ?? '' } })
      .then((signedIn) => {
        sessionStorage.removeItem(SEAL_KEY);
        sessionStorage.setItem(SESSION_KEY, JSON.stringify(signedIn));
        setSession(signedIn);
        setStatus(undefined);
      })
      .catch((failure: unknown) => (setStatus(undefined), fail(failure)));
  }, []);

  useEffect(() => {
    if (!session) return;
    send<{ items: MyDossier[]; total: number }>('GET', '/api/citizen/my-dossiers', { session: session.token })
      .then(setDossiers)
      .catch((failure: unknown) => {
        // An expired session: sign in again rather than read a refusal.
        if (failure instanceof ApiProblem && failure.status === 401) {
          sessionStorage.removeItem(SESSION_KEY);
          setSession(undefined);
        } else fail(failure);
      });
  }, [session]);

  async function signIn() {
    try {
      const { authorizationUrl, seal } = await send<{ authorizationUrl: string; seal: string }>('POST', '/api/citizen/sign-in/start');
      sessionStorage.setItem(SEAL_KEY, seal);
      location.assign(authorizationUrl);
    } catch (failure) {
      fail(failure);
    }
  }

  return (
    <div class="my-page">
      <h2 class="ws-title">{t('my.title')}</h2>
      {error && (
        <p class="my-error" role="alert">
          {error}
        </p>
      )}
      {status && <p class="ws-muted">{status}</p>}
      {!session && !status && open === false && (
        <div class="ws-card my-sign-in my-closed">
          <p>{t('my.closed')}</p>
          <a class="lt-button lt-primary" href="/lookup" data-link="">
            {t('my.toLookup')}
          </a>
        </div>
      )}
      {!session && !status && open === true && (
        <div class="ws-card my-sign-in">
          <p>{t('my.intro')}</p>
          <button type="button" class="lt-button lt-primary" onClick={() => void signIn()}>
            {t('my.signIn')}
          </button>
        </div>
      )}
      {session && (
        <>
          <div class="my-account">
            <span>{t('my.signedIn', { name: session.name ?? '' })}</span>
            <button type="button" class="lt-button" onClick={() => (sessionStorage.removeItem(SESSION_KEY), setSession(undefined), setDossiers(undefined))}>
              {t('my.signOut')}
            </button>
          </div>
          {dossiers && (dossiers.items.length === 0 ? <p class="ws-empty">{t('my.empty')}</p> : <p class="ws-muted">{t('my.count', { total: dossiers.total })}</p>)}
          <ul class="my-dossiers">
            {dossiers?.items.map((dossier) => (
              <li key={dossier.dossierCode} class="ws-card my-dossier">
                <div class="my-dossier-head">
                  <code>{dossier.dossierCode}</code>
                  <strong class={`ws-status-badge ws-status-${dossier.status}`}>{dossier.statusLabel}</strong>
                </div>
                <p class="my-procedure">{dossier.procedureName}</p>
                <dl class="my-dates">
                  {dossier.receivedAt && [<dt key="r">{t('my.received')}</dt>, <dd key="rd">{formatDate(dossier.receivedAt)}</dd>]}
                  {dossier.appointmentAt && [<dt key="a">{t('my.appointment')}</dt>, <dd key="ad">{formatDate(dossier.appointmentAt)}</dd>]}
                  {dossier.finishedAt && [<dt key="f">{t('my.finished')}</dt>, <dd key="fd">{formatDate(dossier.finishedAt)}</dd>]}
                </dl>
                <a class="lt-button" href={`/lookup?${new URLSearchParams({ code: dossier.dossierCode })}`}>
                  {t('my.lookup')}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
