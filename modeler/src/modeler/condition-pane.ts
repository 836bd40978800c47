/**
 * @module conditionPane — shows the FEEL condition editor when one sequence flow leaving a gateway (or already
 * conditional) is selected, and writes the condition back as a `bpmn:FormalExpression` with language FEEL.
 */
import type BpmnModeler from 'bpmn-js/lib/Modeler';
import { t } from '../i18n/locale';
import { createConditionEditor } from './editors/create-condition-editor';
import type { DiagramElement, ExtensionServices, ModdleObject } from './properties/extension-elements';

type Flow = DiagramElement & { source?: DiagramElement };

const FEEL_LANGUAGE = 'feel';

export function createConditionPane(host: HTMLElement, modeler: BpmnModeler): { dispose(): void } {
  host.innerHTML = '<h3></h3><p class="condition-hint"></p><div class="condition-editor"></div><p class="condition-error" role="alert" hidden></p>';
  host.querySelector('h3')!.textContent = t('condition.title');
  const hint = host.querySelector<HTMLElement>('.condition-hint')!;
  const { modeling, bpmnFactory } = {
    modeling: modeler.get<ExtensionServices['modeling']>('modeling'),
    bpmnFactory: modeler.get<ExtensionServices['bpmnFactory']>('bpmnFactory'),
  };
  let flow: Flow | undefined;
  let timer: number | undefined;
  const write = (target: Flow, body: string) => {
    const bo = target.businessObject;
    const existing = bo.get('conditionExpression') as ModdleObject | undefined;
    if (body.trim() === '') {
      if (existing) modeling.updateProperties(target, { conditionExpression: undefined });
    } else if (existing) {
      modeling.updateModdleProperties(target, existing, { body });
    } else {
      modeling.updateProperties(target, { conditionExpression: bpmnFactory.create('bpmn:FormalExpression', { body, language: FEEL_LANGUAGE }) });
    }
  };
  const editor = createConditionEditor(host.querySelector('.condition-editor')!, host.querySelector('.condition-error')!, (body) => {
    const target = flow;
    if (!target) return;
    window.clearTimeout(timer);
    timer = window.setTimeout(() => write(target, body), 300);
  });
  const show = (element: Flow | undefined) => {
    const sourceType = element?.source?.type ?? '';
    const conditional = !!element?.businessObject.get('conditionExpression');
    if (!element || element.type !== 'bpmn:SequenceFlow' || (!/Gateway$/.test(sourceType) && !conditional)) {
      host.hidden = true;
      flow = undefined;
      return;
    }
    flow = element;
    host.hidden = false;
    hint.textContent = t('condition.hint', { name: (element.businessObject.get('name') as string | undefined) || element.id });
    const expression = element.businessObject.get('conditionExpression') as ModdleObject | undefined;
    editor.setValue((expression?.get('body') as string | undefined) ?? '');
  };
  const onSelection = (event: { newSelection: Flow[] }) => {
    window.clearTimeout(timer);
    show(event.newSelection.length === 1 ? event.newSelection[0] : undefined);
  };
  const eventBus = modeler.get<{ on(name: string, fn: (event: never) => void): void; off(name: string, fn: (event: never) => void): void }>('eventBus');
  eventBus.on('selection.changed', onSelection);
  host.hidden = true;
  return {
    dispose: () => {
      eventBus.off('selection.changed', onSelection);
      window.clearTimeout(timer);
      editor.dispose();
    },
  };
}
