/**
 * @module formSchemaEntry — the e-form entry of the procedure group: says whether a form is defined and opens the
 * JSON Schema editor (a monaco tab of the modeler, with a live preview) through the `lienthong.formEditor.open` event.
 */
import { createElement as h } from '@bpmn-io/properties-panel/preact';
import { useService } from 'bpmn-js-properties-panel';
import { t } from '../../i18n/locale';
import { procedureOwner, findExtension, type DiagramElement } from './extension-elements';

function FormSchemaButton({ element }: { element: DiagramElement; id: string }) {
  const eventBus = useService<{ fire(name: string): void }>('eventBus');
  const procedure = findExtension(procedureOwner(element), 'lt:Procedure');
  const defined = !!(procedure?.get('formSchema') as { body?: string } | undefined)?.body;
  return h('div', { class: 'bio-properties-panel-entry lt-form-entry', 'data-entry-id': 'lt-form-schema' }, [
    h('span', { class: 'bio-properties-panel-label' }, t('props.formSchema')),
    h('p', { class: 'lt-form-state' }, defined ? t('props.formDefined') : t('props.formMissing')),
    h('button', { type: 'button', class: 'lt-button', onClick: () => eventBus.fire('lienthong.formEditor.open') }, t('props.formOpen')),
  ]);
}

export function createFormSchemaEntry(element: DiagramElement) {
  return { id: 'lt-form-schema', element, component: FormSchemaButton, isEdited: () => false };
}
