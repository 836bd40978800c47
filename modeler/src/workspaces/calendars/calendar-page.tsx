/**
 * @module calendarPage — administrators keep the province's and each agency's working calendar (issue 18): a month
 * view with the lunar date under each day, the national holidays of the year shown for confirmation, and the days
 * this layer closes, adds as holidays or works in exchange. Saving sends the layer to `PUT /api/calendars/{scope}`,
 * which re-projects the open deadlines that layer governs and says how many dossiers it looked at and moved.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CalendarDayEntry, CalendarLayer, CalendarYear, DayKind } from '../../../../engine/src/time/index';
import { t, type MessageKey } from '../../i18n/locale';
import { CalendarMonth } from '../../ui/calendar-month';
import { problemMessage } from '../common/problem-message';
import { requestJson, workspaceApi, type AgencyInfo, type CurrentUser } from '../common/workspace-api';
import { markDay, monthDays, nationalHolidays, ownEntry } from './calendar-days';

interface StoredLayer { scope: string; layer: CalendarLayer }
interface SaveAnswer { scope: string; dossiers: number; moved: unknown[] }

const MARKS: readonly (DayKind | 'none')[] = ['localClosure', 'holiday', 'makeUpWorkingDay', 'none'];
const NATIONAL = 'VN';

/** The month to open: `?month=YYYY-MM` in the address, else the current month (Vietnam time). */
function initialMonth(): { year: number; month: number } {
  const asked = /^(\d{4})-(\d{2})$/.exec(new URLSearchParams(location.search).get('month') ?? '');
  if (asked) return { year: Number(asked[1]), month: Number(asked[2]) };
  const now = new Date(Date.now() + 7 * 3_600_000);
  return { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1 };
}

const formatDate = (date: string) => `${Number(date.slice(8, 10))}/${Number(date.slice(5, 7))}/${date.slice(0, 4)}`;

function emptyLayer(agency: AgencyInfo): CalendarLayer {
  return { id: agency.id, level: agency.kind === 'province' ? 'province' : 'agency', name: { vi: agency.name, en: agency.name }, years: [] };
}

export function CalendarPage({ user }: { user: CurrentUser }) {
  const [agencies, setAgencies] = useState<AgencyInfo[]>([]);
  const [stored, setStored] = useState<StoredLayer[] | undefined>(undefined);
  const [scope, setScope] = useState<string>('');
  const [draft, setDraft] = useState<CalendarLayer | undefined>(undefined);
  const [pending, setPending] = useState<Set<string>>(new Set());
  const [{ year, month }, setMonth] = useState(initialMonth);
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const [mark, setMark] = useState<DayKind | 'none'>('localClosure');
  const [dayReason, setDayReason] = useState('');
  const [saveReason, setSaveReason] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const load = async () => {
    const [list, layers] = await Promise.all([workspaceApi.agencies(), requestJson<StoredLayer[]>('GET', '/api/calendars')]);
    setAgencies(list);
    setStored(layers);
    return { list, layers };
  };
  useEffect(() => {
    load().then(({ list }) => {
      const first = list.find((a) => a.kind === 'province') ?? list[0];
      if (first) setScope(first.id);
    }).catch((error: unknown) => setMessage({ kind: 'error', text: problemMessage(error) }));
  }, []);

  const agency = agencies.find((a) => a.id === scope);
  useEffect(() => {
    if (!agency || !stored) return;
    setDraft(stored.find((s) => s.scope === agency.id)?.layer ?? emptyLayer(agency));
    setPending(new Set());
    setSelected(undefined);
  }, [scope, stored === undefined]);

  const nationalYears: CalendarYear[] = useMemo(() => stored?.find((s) => s.scope === NATIONAL)?.layer.years ?? [], [stored]);
  const provinceLayers = useMemo(() => (stored ?? []).filter((s) => s.layer.level === 'province').map((s) => s.layer), [stored]);
  const days = useMemo(
    () => (draft ? monthDays(year, month, { nationalYears, province: provinceLayers, own: draft }).map((d) => (d ? { ...d, pending: pending.has(d.date) } : d)) : []),
    [draft, year, month, nationalYears, provinceLayers, pending],
  );
  const national = useMemo(() => nationalHolidays(year, nationalYears), [year, nationalYears]);

  if (user.role !== 'administrator') return <p class="ws-empty">{t('calendar.adminOnly')}</p>;
  if (!stored || !draft) return <p class="ws-muted" aria-busy="true">{message?.text ?? t('calendar.loading')}</p>;

  const day = days.find((d) => d?.date === selected) ?? undefined;
  const step = (delta: number) => {
    const index = year * 12 + (month - 1) + delta;
    setMonth({ year: Math.floor(index / 12), month: (index % 12) + 1 });
  };
  const pick = (date: string) => {
    setSelected(date);
    const own = ownEntry(draft, date);
    setMark(own?.kind ?? 'localClosure');
    setDayReason(own?.reason.vi ?? '');
  };
  const apply = () => {
    if (!selected) return;
    if (mark !== 'none' && dayReason.trim() === '') {
      setMessage({ kind: 'error', text: t('calendar.day.reasonMissing') });
      return;
    }
    const entry: CalendarDayEntry | undefined = mark === 'none' ? undefined
      : { date: selected, kind: mark, reason: { vi: dayReason.trim(), en: dayReason.trim() }, source: `${user.displayName}` };
    setDraft(markDay(draft, selected, entry));
    setPending(new Set([...pending, selected]));
    setMessage(undefined);
  };
  const save = async (layer: CalendarLayer, reason: string, done: (answer: SaveAnswer) => string) => {
    setBusy(true);
    try {
      const answer = await requestJson<SaveAnswer>('PUT', `/api/calendars/${encodeURIComponent(layer.id)}`, { layer, reason });
      await load();
      setPending(new Set());
      setMessage({ kind: 'ok', text: done(answer) });
    } catch (error) {
      setMessage({ kind: 'error', text: problemMessage(error) });
    } finally {
      setBusy(false);
    }
  };
  const confirmNational = () => {
    const layer: CalendarLayer = {
      id: NATIONAL, level: 'national', name: { vi: 'Lịch làm việc quốc gia', en: 'National working calendar' },
      years: [...nationalYears.filter((y) => y.year !== year), { year, status: 'official', source: user.displayName, days: national.days }],
    };
    void save(layer, t('calendar.national.confirmReason', { year }), () => t('calendar.national.confirmed', { year }));
  };
  const sourceText = (source: string | undefined) => t(`calendar.source.${source ?? 'own'}` as MessageKey);

  return (
    <div class="ws-calendars">
      <header>
        <h2 class="ws-title">{t('calendar.title')}</h2>
        <p class="ws-subtitle">{t('calendar.subtitle')}</p>
      </header>
      <div class="ws-filters">
        <label>
          {t('calendar.layer')}{' '}
          <select name="scope" value={scope} onChange={(e) => setScope((e.target as HTMLSelectElement).value)}>
            {agencies.map((a) => (
              <option value={a.id} key={a.id}>{`${t(a.kind === 'province' ? 'calendar.level.province' : 'calendar.level.agency')}: ${a.name}`}</option>
            ))}
          </select>
        </label>
      </div>
      <div class="ws-calendar-layout">
        <section class="ws-card ws-calendar-month" aria-label={t('calendar.month', { month, year })}>
          <div class="ws-card-head">
            <button type="button" class="ws-link-button" aria-label={t('calendar.previous')} onClick={() => step(-1)}>‹<span class="ws-calendar-navtext"> {t('calendar.previous')}</span></button>
            <h3>{t('calendar.month', { month, year })}</h3>
            <button type="button" class="ws-link-button" aria-label={t('calendar.next')} onClick={() => step(1)}><span class="ws-calendar-navtext">{t('calendar.next')} </span>›</button>
          </div>
          <CalendarMonth year={year} month={month} days={days} selected={selected} onSelect={pick} />
        </section>
        <aside class="ws-calendar-side">
          <section class="ws-card ws-calendar-day" aria-live="polite">
            {day ? (
              <>
                <h3>{t('calendar.day.title', { date: formatDate(day.date), lunar: day.lunar })}</h3>
                <p class="ws-muted">
                  {day.kind
                    ? t('calendar.day.decided', { kind: t(`calendar.kind.${day.kind}` as MessageKey), reason: day.reason ?? '', source: sourceText(day.source) })
                    : t('calendar.day.plain', { kind: t(day.working ? 'calendar.kind.none' : 'calendar.kind.weekend') })}
                </p>
                <fieldset>
                  <legend>{t('calendar.day.mark', { layer: draft.name.vi })}</legend>
                  {MARKS.map((kind) => (
                    <label class="ws-calendar-mark" key={kind}>
                      <input type="radio" name="mark" value={kind} checked={mark === kind} onChange={() => setMark(kind)} />
                      {' '}{t(`calendar.kind.${kind}` as MessageKey)}
                    </label>
                  ))}
                </fieldset>
                {mark !== 'none' && (
                  <label class="ws-calendar-field">
                    {t('calendar.day.reason')}
                    <input name="dayReason" value={dayReason} maxLength={200} onInput={(e) => setDayReason((e.target as HTMLInputElement).value)} />
                  </label>
                )}
                <button type="button" class="lt-button" onClick={apply}>{t('calendar.day.apply')}</button>
              </>
            ) : <p class="ws-muted">{t('calendar.pick')}</p>}
          </section>
          <section class="ws-card ws-calendar-save">
            {pending.size > 0 && <p class="ws-calendar-unsaved">{t('calendar.unsaved', { count: pending.size })}</p>}
            <label class="ws-calendar-field">
              {t('calendar.saveReason')}
              <input name="saveReason" value={saveReason} maxLength={500} onInput={(e) => setSaveReason((e.target as HTMLInputElement).value)} />
            </label>
            <button
              type="button"
              class="lt-button lt-primary"
              disabled={busy || pending.size === 0 || saveReason.trim() === ''}
              onClick={() => void save(draft, saveReason.trim(), (answer) => t('calendar.saved', { name: draft.name.vi, dossiers: answer.dossiers, moved: answer.moved.length }))}
            >
              {busy ? t('calendar.saving') : t('calendar.save')}
            </button>
            {message && <p class={message.kind === 'ok' ? 'ws-calendar-ok' : 'ws-calendar-error'} role={message.kind === 'error' ? 'alert' : 'status'}>{message.text}</p>}
          </section>
          <section class="ws-card ws-calendar-national">
            <h3>{t('calendar.national.title', { year })}</h3>
            <p class="ws-muted">{t(`calendar.national.${national.status}` as MessageKey)}</p>
            <ul>
              {national.days.map((entry) => (
                <li key={entry.date}><strong>{formatDate(entry.date)}</strong> — {entry.reason.vi}</li>
              ))}
            </ul>
            {national.status === 'proposed' && (
              <button type="button" class="lt-button" disabled={busy} onClick={confirmNational}>{t('calendar.national.confirm', { year })}</button>
            )}
          </section>
        </aside>
      </div>
    </div>
  );
}
