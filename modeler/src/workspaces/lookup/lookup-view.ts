/**
 * @module lookupView — the citizen's page (no sign-in): dossier code and ID number in, the status in plain words,
 * the appointment and the steps with their dates out; a clear "not found" otherwise (the server answers an unknown
 * code and a wrong ID number alike, so the page does too).
 */
import { ApiProblem } from '../../api/api-client';
import { t, type MessageKey } from '../../i18n/locale';
import '../workspaces.css';
import type { MountView } from '../../shell/route-table';
import { element } from '../common/element';
import { errorNote } from '../common/problem-message';
import { workspaceApi, type LookupAnswer } from '../common/workspace-api';
import { formatDateTime, statusLabel } from '../common/workspace-format';

export const mountLookupView: MountView = (container) => {
  const code = element('input', { attrs: { name: 'code', required: '', autocomplete: 'off', placeholder: '000.00.64.H10-250303-0011', maxlength: '64' } });
  const idNumber = element('input', { attrs: { name: 'idNumber', required: '', autocomplete: 'off', inputmode: 'numeric', maxlength: '32' } });
  const result = element('div', { className: 'ws-lookup-result', attrs: { 'aria-live': 'polite' } });
  const form = element(
    'form',
    { className: 'ws-form ws-lookup-form' },
    element('label', { className: 'ws-field' }, element('span', { text: t('ws.lookup.code') }), code),
    element('label', { className: 'ws-field' }, element('span', { text: t('ws.lookup.idNumber') }), idNumber),
    element('button', { className: 'lt-button lt-primary', text: t('ws.lookup.submit'), attrs: { type: 'submit' } }),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    result.replaceChildren(element('p', { className: 'ws-muted', text: t('ws.loading') }));
    workspaceApi
      .lookup(code.value.trim(), idNumber.value.trim())
      .then((answer) => result.replaceChildren(renderAnswer(answer)))
      .catch((error: unknown) => {
        if (error instanceof ApiProblem && error.status === 404) {
          result.replaceChildren(element('p', { className: 'ws-not-found', attrs: { role: 'alert' }, text: t('ws.lookup.notFound') }));
        } else result.replaceChildren(errorNote(error));
      });
  });
  container.append(
    element(
      'section',
      { className: 'ws-page ws-lookup' },
      element('h2', { className: 'ws-title', text: t('ws.lookup.title') }),
      element('p', { className: 'ws-subtitle', text: t('ws.lookup.hint') }),
      form,
      result,
    ),
  );
};

function renderAnswer(answer: LookupAnswer): HTMLElement {
  const rows: [MessageKey, string | undefined][] = [
    ['ws.lookup.procedure', answer.procedureName],
    ['ws.dossier.receivedAt', formatDateTime(answer.receivedAt)],
    ['ws.dossier.appointmentAt', formatDateTime(answer.appointmentAt)],
    ['ws.dossier.finishedAt', formatDateTime(answer.finishedAt)],
  ];
  const steps = element(
    'ol',
    { className: 'ws-lookup-steps' },
    ...answer.steps.map((step) =>
      element(
        'li',
        { className: `ws-lookup-step ws-lookup-${step.state}` },
        element('strong', { text: step.name }),
        element('span', { className: 'ws-muted', text: ` — ${t(`ws.lookup.state.${step.state}` as MessageKey)}` }),
        element('div', { className: 'ws-muted', text: step.endedAt ? t('ws.lookup.fromTo', { from: formatDateTime(step.startedAt), to: formatDateTime(step.endedAt) }) : t('ws.lookup.since', { from: formatDateTime(step.startedAt) }) }),
      ),
    ),
  );
  return element(
    'div',
    { className: 'ws-card' },
    element('p', { className: 'ws-lookup-status' }, t('ws.lookup.status'), ' ', element('strong', { className: `ws-status-badge ws-status-${answer.status}`, text: statusLabel(answer.status) })),
    element('p', { className: 'ws-lookup-explain', text: t(`ws.lookup.explain.${answer.status}` as MessageKey) }),
    element('dl', { className: 'ws-fields' }, ...rows.filter(([, value]) => value).flatMap(([key, value]) => [element('dt', { text: t(key) }), element('dd', { text: value! })])),
    element('h3', { text: t('ws.lookup.steps') }),
    answer.steps.length > 0 ? steps : element('p', { className: 'ws-empty', text: t('ws.lookup.noSteps') }),
  );
}
