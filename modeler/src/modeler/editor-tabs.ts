/**
 * @module editorTabs — the centre of the modeler: the diagram, its XML and its e-form as tabs kept in sync (the XML
 * is imported back when you leave the XML tab, and errors stop you there at their line), plus the read-only view
 * of a deployed version with the incidents its dossiers raised.
 */
import type BpmnModeler from 'bpmn-js/lib/Modeler';
import { t, type MessageKey } from '../i18n/locale';
import { api } from '../api/api-client';
import { createReadOnlyViewer } from './create-bpmn-modeler';
import { fitDiagram } from './fit-diagram';
import { createIncidentList } from './incident-list';
import { createXmlEditor, type XmlEditor } from './editors/create-xml-editor';
import { createFormSchemaEditor, type FormSchemaEditor } from './editors/create-form-schema-editor';
import { fromImportError } from './editors/xml-errors';
import { findExtension, procedureOwner, setExtensionAttributes, type DiagramElement, type ExtensionServices, type ModdleObject } from './properties/extension-elements';

type Tab = 'diagram' | 'xml' | 'form';

/** A deployed version opens no smaller than this, so its labels stay readable; the user scrolls or zooms out. */
const READABLE_SCALE = 0.6;
type Say = (message: string, tone?: 'info' | 'error' | 'success') => void;

export interface EditorTabs {
  openReadOnly(key: string, version: number): Promise<void>;
  leaveReadOnly(): void;
  isReadOnly(): boolean;
  /** Import pending XML edits into the diagram; false (and the error shown) when the XML is broken. */
  syncFromXml(): Promise<boolean>;
  dispose(): void;
}

/** What the modeler does around the read-only view. */
export interface EditorTabsHooks {
  /** A deployed version was imported into the viewer. */
  viewerOpened?(viewer: ReturnType<typeof createReadOnlyViewer>): void;
  readOnlyChanged?(readOnly: boolean): void;
  /** "Make a draft from this version": the caller opens `xml` as a new draft of procedure `key`. */
  copyToDraft?(xml: string, key: string): void;
}

export function createEditorTabs(host: HTMLElement, canvasHost: HTMLElement, modeler: BpmnModeler, say: Say, hooks: EditorTabsHooks = {}): EditorTabs {
  host.innerHTML = `
    <div class="editor-tabs" role="tablist"></div>
    <div class="readonly-banner" hidden><span></span><button type="button" class="lt-button" data-action="copy"></button><button type="button" class="lt-button" data-action="close"></button></div>
    <section class="incident-list" aria-live="polite"></section>
    <div class="tab-panels">
      <div class="viewer-canvas" hidden></div>
      <div class="xml-editor" data-panel="xml" hidden></div>
      <div class="form-editor" data-panel="form" hidden><div class="form-schema"></div><div class="form-preview-host"></div></div>
    </div>`;
  const $ = <T extends HTMLElement>(selector: string) => host.querySelector<T>(selector)!;
  canvasHost.dataset.panel = 'diagram';
  $('.tab-panels').prepend(canvasHost);
  const banner = $('.readonly-banner');
  const viewerHost = $('.viewer-canvas');
  let tab: Tab = 'diagram';
  let readOnlyXml: string | undefined;
  let readOnlyKey = '';
  let viewer: ReturnType<typeof createReadOnlyViewer> | undefined;
  let xmlEditor: XmlEditor | undefined;
  let formEditor: FormSchemaEditor | undefined;
  let xmlShown = '';
  type ViewerElement = { businessObject: { name?: string } };
  const incidents = createIncidentList($('.incident-list'), (elementId) => {
    // The read-only viewer has no selection: the element is brought into view and outlined instead.
    const registry = viewer?.get<{ get(id: string): ViewerElement | undefined; getAll(): ViewerElement[] }>('elementRegistry');
    const element = registry?.get(elementId);
    if (!viewer || !element) return;
    const canvas = viewer.get<{ scrollToElement(element: unknown): void; addMarker(element: unknown, marker: string): void; removeMarker(element: unknown, marker: string): void }>('canvas');
    for (const other of registry!.getAll()) canvas.removeMarker(other, 'incident-picked');
    void show('diagram');
    canvas.addMarker(element, 'incident-picked');
    canvas.scrollToElement(element);
  });

  const services: ExtensionServices = { modeling: modeler.get('modeling'), bpmnFactory: modeler.get('bpmnFactory') };
  const procedureElement = (): DiagramElement | undefined => {
    const root = modeler.get<{ getRootElement(): DiagramElement }>('canvas').getRootElement();
    if (procedureOwner(root)) return root;
    return modeler.get<{ filter(fn: (element: DiagramElement) => boolean): DiagramElement[] }>('elementRegistry').filter((element) => element.type === 'bpmn:Participant' && !!procedureOwner(element))[0];
  };
  const readFormSchema = (): string => {
    if (readOnlyXml !== undefined) {
      const match = /<lt:formSchema[^>]*>([\s\S]*?)<\/lt:formSchema>/i.exec(readOnlyXml);
      return match ? new DOMParser().parseFromString(`<x>${match[1]}</x>`, 'application/xml').documentElement.textContent ?? '' : '';
    }
    const element = procedureElement();
    const formSchema = findExtension(element && procedureOwner(element), 'lt:Procedure')?.get('formSchema') as ModdleObject | undefined;
    return (formSchema?.get('body') as string | undefined) ?? '';
  };
  const writeFormSchema = (body: string) => {
    const element = procedureElement();
    const owner = element && procedureOwner(element);
    if (!element || !owner || readOnlyXml !== undefined) return;
    if (!findExtension(owner, 'lt:Procedure')) setExtensionAttributes(services, element, owner, 'lt:Procedure', {});
    const procedure = findExtension(owner, 'lt:Procedure')!;
    const existing = procedure.get('formSchema') as ModdleObject | undefined;
    if (existing) services.modeling.updateModdleProperties(element, existing, { body });
    else {
      const created = services.bpmnFactory.create('lt:FormSchema', { body });
      created.$parent = procedure;
      services.modeling.updateModdleProperties(element, procedure, { formSchema: created });
    }
  };

  const tabBar = $('.editor-tabs');
  const labels: Record<Tab, MessageKey> = { diagram: 'tab.diagram', xml: 'tab.xml', form: 'tab.form' };
  for (const name of Object.keys(labels) as Tab[]) {
    const button = document.createElement('button');
    button.type = 'button';
    button.role = 'tab';
    button.dataset.tab = name;
    button.textContent = t(labels[name]);
    button.addEventListener('click', () => void show(name));
    tabBar.append(button);
  }

  const syncFromXml = async (): Promise<boolean> => {
    if (tab !== 'xml' || !xmlEditor || readOnlyXml !== undefined) return true;
    const text = xmlEditor.getValue();
    if (text === xmlShown) {
      xmlEditor.showError(undefined);
      say('');
      return true;
    }
    const broken = xmlEditor.check();
    if (broken) {
      say(t('status.xmlError', { line: broken.line, message: broken.message }), 'error');
      return false;
    }
    try {
      await modeler.importXML(text);
      xmlShown = text;
      say(t('status.xmlApplied'));
      return true;
    } catch (error) {
      const located = xmlEditor.showError(fromImportError(error))!;
      say(t('status.xmlError', { line: located.line, message: located.message }), 'error');
      return false;
    }
  };

  const show = async (next: Tab) => {
    if (next !== tab && !(await syncFromXml())) return;
    tab = next;
    for (const button of tabBar.querySelectorAll<HTMLElement>('button')) button.setAttribute('aria-selected', String(button.dataset.tab === next));
    canvasHost.hidden = next !== 'diagram' || readOnlyXml !== undefined;
    viewerHost.hidden = next !== 'diagram' || readOnlyXml === undefined;
    $('.xml-editor').hidden = next !== 'xml';
    $('.form-editor').hidden = next !== 'form';
    if (next === 'xml') {
      xmlEditor ??= createXmlEditor($('.xml-editor'), () => undefined);
      xmlShown = readOnlyXml ?? (await modeler.saveXML({ format: true })).xml ?? '';
      xmlEditor.setValue(xmlShown);
      xmlEditor.setReadOnly(readOnlyXml !== undefined);
      xmlEditor.layout();
    }
    if (next === 'form') {
      formEditor ??= createFormSchemaEditor($('.form-schema'), $('.form-preview-host'), writeFormSchema);
      formEditor.setValue(readFormSchema());
      formEditor.setReadOnly(readOnlyXml !== undefined);
    }
  };

  modeler.on('lienthong.formEditor.open', () => void show('form'));

  const leaveReadOnly = () => {
    readOnlyXml = undefined;
    banner.hidden = true;
    incidents.hide();
    host.closest('.modeler')?.classList.remove('is-read-only');
    hooks.readOnlyChanged?.(false);
    void show(tab === 'xml' ? 'diagram' : tab);
  };
  $('[data-action="close"]').addEventListener('click', leaveReadOnly);
  $('[data-action="copy"]').addEventListener('click', () => {
    const xml = readOnlyXml;
    leaveReadOnly();
    if (xml && hooks.copyToDraft) hooks.copyToDraft(xml, readOnlyKey);
    else if (xml) void modeler.importXML(xml).then(() => say(t('status.copiedToDraft', { key: readOnlyKey }), 'success'));
  });
  $('[data-action="copy"]').textContent = t('readOnly.copy');
  $('[data-action="close"]').textContent = t('readOnly.close');

  void show('diagram');
  return {
    isReadOnly: () => readOnlyXml !== undefined,
    leaveReadOnly,
    syncFromXml,
    openReadOnly: async (key, version) => {
      const found = await api.version(key, version);
      viewer ??= createReadOnlyViewer(viewerHost);
      readOnlyXml = found.xml;
      readOnlyKey = key;
      banner.hidden = false;
      host.closest('.modeler')?.classList.add('is-read-only');
      hooks.readOnlyChanged?.(true);
      banner.querySelector('span')!.textContent = t('readOnly.banner', { name: found.name || key, version });
      tab = tab === 'xml' ? 'xml' : 'diagram';
      await show(tab);
      await viewer.importXML(found.xml);
      fitDiagram(viewer.get('canvas'), { minScale: READABLE_SCALE });
      hooks.viewerOpened?.(viewer);
      const shown = viewer;
      const nameOf = (elementId: string) => shown.get<{ get(id: string): ViewerElement | undefined }>('elementRegistry').get(elementId)?.businessObject.name || elementId;
      // Only analysts, supervisors and administrators may read them; for anyone else the list stays hidden.
      await api.incidents(key).then((found) => incidents.show(found, nameOf), () => incidents.hide());
    },
    dispose: () => {
      xmlEditor?.dispose();
      formEditor?.dispose();
      viewer?.destroy();
    },
  };
}
