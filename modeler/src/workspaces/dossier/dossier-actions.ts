/**
 * @module dossierActions — what an official can do on the dossier page (server issue: step and dossier actions):
 * claim and complete the open step with a decision and a note, request a supplement listing every missing component
 * (form 02, given once), record the citizen's supplement, return to an earlier step, and — heads of unit — reassign.
 */
import { ApiProblem } from '../../api/api-client';
import { t, type MessageKey } from '../../i18n/locale';
import { element } from '../common/element';
import { errorNote } from '../common/problem-message';
import { workspaceApi, type CurrentUser, type DossierView, type InboxItem } from '../common/workspace-api';
import { markBadge, remainingText } from '../common/workspace-format';

export interface ActionContext {
  dossier: DossierView;
  user: CurrentUser;
  /** Open steps of this dossier in the user's unit. */
  steps: InboxItem[];
  /** Elements the dossier has already passed through, for "return to an earlier step". */
  earlierSteps: { elementId: string; name: string }[];
  /** Called after a change succeeded, with the sentence to show. */
  done(message: string): void;
  /** Called when the dossier changed under the page (409): show the refusal and reload. */
  stale(error: unknown): void;
}

const DECISIONS = ['approve', 'reject', 'supplement', 'return'] as const;

export function renderActions(context: ActionContext): HTMLElement {
  const panel = element('div', { className: 'ws-actions-panel' });
  const status = element('div', { className: 'ws-status', attrs: { 'aria-live': 'polite' } });
  panel.append(status);
  const run = async (action: () => Promise<unknown>, message: string) => {
    status.replaceChildren();
    try {
      await action();
      context.done(message);
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 409) context.stale(error);
      else status.replaceChildren(errorNote(error));
    }
  };
  const acts = context.user.role === 'official' || context.user.role === 'headOfUnit';
  if (!acts) {
    panel.append(element('p', { className: 'ws-empty', text: t('ws.actions.readOnly') }));
    return panel;
  }
  if (context.steps.length === 0 && context.dossier.status !== 5) panel.append(element('p', { className: 'ws-empty', text: t('ws.actions.none') }));
  for (const step of context.steps) panel.append(stepCard(step, context, run));
  if (context.dossier.status === 5) panel.append(supplementReceivedForm(context, run));
  return panel;
}

type Run = (action: () => Promise<unknown>, message: string) => Promise<void>;

function stepCard(step: InboxItem, context: ActionContext, run: Run): HTMLElement {
  const card = element(
    'div',
    { className: 'ws-step-card', dataset: { stepId: step.id } },
    element('div', { className: 'ws-step-head' }, element('strong', { text: step.name }), markBadge(step.mark), element('span', { className: 'ws-remaining', text: remainingText(step.mark, step.remainingMs) })),
  );
  if (step.kind && step.kind !== 'userTask') {
    card.append(element('p', { className: 'ws-muted', text: t('ws.actions.waiting') }));
    return card;
  }
  if (!step.assigneeId) {
    card.append(element('button', { className: 'lt-button', text: t('ws.action.claim'), attrs: { type: 'button' }, on: { click: () => void run(() => workspaceApi.claim(step.id), t('ws.done.claimed', { step: step.name })) } }));
  }
  card.append(completeForm(step, run), supplementRequestForm(step, context, run));
  if (context.earlierSteps.length > 0) card.append(returnForm(step, context, run));
  if (context.user.role === 'headOfUnit') card.append(reassignForm(step, run));
  return card;
}

function field(label: string, control: HTMLElement): HTMLElement {
  return element('label', { className: 'ws-field' }, element('span', { text: label }), control);
}

function completeForm(step: InboxItem, run: Run): HTMLElement {
  const decision = element('select', { attrs: { name: 'decision' } }, ...DECISIONS.map((value) => element('option', { text: t(`ws.decision.${value}` as MessageKey), attrs: { value } })));
  const note = element('textarea', { attrs: { name: 'note', rows: '2', maxlength: '2000' } });
  const form = element(
    'form',
    { className: 'ws-form ws-complete-form' },
    element('h4', { text: t('ws.actions.complete') }),
    field(t('ws.actions.decision'), decision),
    field(t('ws.actions.note'), note),
    element('button', { className: 'lt-button lt-primary', text: t('ws.actions.completeSubmit'), attrs: { type: 'submit' } }),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const body = { decision: decision.value, ...(note.value.trim() ? { note: note.value.trim() } : {}) };
    void run(() => workspaceApi.complete(step.id, body), t('ws.done.completed', { step: step.name }));
  });
  return form;
}

function details(action: string, title: string, ...content: HTMLElement[]): HTMLElement {
  return element('details', { className: 'ws-details', dataset: { action } }, element('summary', { text: title }), ...content);
}

function supplementRequestForm(step: InboxItem, context: ActionContext, run: Run): HTMLElement {
  const missing = element('textarea', { attrs: { name: 'missingComponents', rows: '3', placeholder: t('ws.actions.missingHint'), required: '' } });
  const reason = element('textarea', { attrs: { name: 'reason', rows: '2', required: '' } });
  const form = element(
    'form',
    { className: 'ws-form' },
    field(t('ws.actions.missingComponents'), missing),
    field(t('ws.actions.reason'), reason),
    element('button', { className: 'lt-button', text: t('ws.actions.supplementSubmit'), attrs: { type: 'submit' } }),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const missingComponents = missing.value.split('\n').map((line) => line.trim()).filter(Boolean).map((name) => ({ name }));
    const body = { stepId: step.id, missingComponents, reason: reason.value.trim(), contactOfficial: { name: context.user.displayName } };
    void run(() => workspaceApi.dossierAction(context.dossier.id, 'supplement-requests', body), t('ws.done.supplementRequested'));
  });
  return details('supplement-request', t('ws.actions.supplementRequest'), form);
}

function supplementReceivedForm(context: ActionContext, run: Run): HTMLElement {
  const note = element('textarea', { attrs: { name: 'note', rows: '2' } });
  const form = element(
    'form',
    { className: 'ws-form ws-step-card' },
    element('h4', { text: t('ws.actions.supplementReceived') }),
    field(t('ws.actions.note'), note),
    element('button', { className: 'lt-button lt-primary', text: t('ws.actions.supplementReceivedSubmit'), attrs: { type: 'submit' } }),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(() => workspaceApi.dossierAction(context.dossier.id, 'supplements', note.value.trim() ? { note: note.value.trim() } : {}), t('ws.done.supplementReceived'));
  });
  return form;
}

function returnForm(step: InboxItem, context: ActionContext, run: Run): HTMLElement {
  const target = element('select', { attrs: { name: 'toElementId' } }, ...context.earlierSteps.map((earlier) => element('option', { text: earlier.name, attrs: { value: earlier.elementId } })));
  const reason = element('textarea', { attrs: { name: 'reason', rows: '2', required: '' } });
  const form = element(
    'form',
    { className: 'ws-form' },
    field(t('ws.actions.returnTo'), target),
    field(t('ws.actions.reason'), reason),
    element('button', { className: 'lt-button', text: t('ws.actions.returnSubmit'), attrs: { type: 'submit' } }),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(() => workspaceApi.returnStep(step.id, { toElementId: target.value, reason: reason.value.trim() }), t('ws.done.returned'));
  });
  return details('return', t('ws.actions.return'), form);
}

function reassignForm(step: InboxItem, run: Run): HTMLElement {
  const assignee = element('input', { attrs: { name: 'assigneeId', required: '', placeholder: 'u-official-…' } });
  const reason = element('textarea', { attrs: { name: 'reason', rows: '2' } });
  const form = element(
    'form',
    { className: 'ws-form' },
    field(t('ws.actions.assignee'), assignee),
    field(t('ws.actions.reason'), reason),
    element('button', { className: 'lt-button', text: t('ws.actions.reassignSubmit'), attrs: { type: 'submit' } }),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(() => workspaceApi.reassign(step.id, { assigneeId: assignee.value.trim(), ...(reason.value.trim() ? { reason: reason.value.trim() } : {}) }), t('ws.done.reassigned'));
  });
  return details('reassign', t('ws.actions.reassign'), form);
}
