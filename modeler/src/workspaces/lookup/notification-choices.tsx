/**
 * @module NotificationChoices — on the tracking page, the citizen's switch per channel the province sends messages
 * through (Zalo ZNS, brand-name SMS): off means nothing about this dossier is sent through it any more (issue 20
 * item 6; server/src/citizen/notification-choice-routes.ts). Authorised by the lookup's notifications token only.
 */
import { useEffect, useState } from 'preact/hooks';
import { ApiProblem } from '../../api/api-client';
import { t, type MessageKey } from '../../i18n/locale';
import { portalApi, type NotificationChoicesView } from '../portal/portal-api';
import { Message, problemText } from '../portal/portal-parts';
import './lookup.css';

/** `84******678` as Vietnamese write a mobile number: `0******678`. */
const asDialled = (phone: string) => (phone.startsWith('84') ? `0${phone.slice(2)}` : phone);

export function NotificationChoices({ token }: { token: string }) {
  const [choices, setChoices] = useState<NotificationChoicesView>();
  const [saving, setSaving] = useState<string>();
  const [outcome, setOutcome] = useState<{ kind: 'ok' | 'error'; text: string }>();

  const explain = (problem: unknown) => setOutcome({ kind: 'error', text: problem instanceof ApiProblem && problem.status === 401 ? t('lookup.notify.expired') : problemText(problem) });

  useEffect(() => {
    let stale = false;
    portalApi.notifications(token).then((answer) => !stale && setChoices(answer), (problem: unknown) => !stale && explain(problem));
    return () => void (stale = true);
  }, [token]);

  if (!choices) return outcome ? <Message kind={outcome.kind} text={outcome.text} /> : null;
  if (choices.channels.length === 0) return null;

  async function toggle(channel: 'zns' | 'sms', optedOut: boolean) {
    const before = choices!;
    // The switch moves at once (a controlled checkbox would otherwise spring back until the server answers).
    setChoices({ ...before, channels: before.channels.map((entry) => (entry.channel === channel ? { channel, optedOut } : entry)) });
    setSaving(channel);
    setOutcome(undefined);
    try {
      setChoices(await portalApi.chooseNotifications(token, { channel, optedOut }));
      setOutcome({ kind: 'ok', text: t('lookup.notify.saved') });
    } catch (problem) {
      setChoices(before);
      explain(problem);
    } finally {
      setSaving(undefined);
    }
  }

  return (
    <section class="portal-card lookup-notifications" aria-labelledby="lookup-notify-title">
      <h3 id="lookup-notify-title">{t('lookup.notify.title')}</h3>
      <p class="ws-muted">{choices.phone ? t('lookup.notify.phone', { phone: asDialled(choices.phone) }) : t('lookup.notify.noPhone')}</p>
      <ul class="lookup-channels">
        {choices.channels.map(({ channel, optedOut }) => (
          <li key={channel} class="lookup-channel" data-channel={channel}>
            <label>
              <input
                type="checkbox"
                role="switch"
                name={`notify-${channel}`}
                checked={!optedOut}
                disabled={saving !== undefined || !choices.phone}
                onChange={(event) => void toggle(channel, !(event.target as HTMLInputElement).checked)}
              />
              {t(`lookup.notify.${channel}` as MessageKey)}
            </label>
            <span class={`lookup-channel-state${optedOut ? '' : ' is-on'}`}>{t(optedOut ? 'lookup.notify.off' : 'lookup.notify.on')}</span>
          </li>
        ))}
      </ul>
      <p class="ws-muted">{t('lookup.notify.hint')}</p>
      {outcome && <Message kind={outcome.kind} text={outcome.text} />}
    </section>
  );
}
