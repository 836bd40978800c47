/**
 * @module modelerView — the `/modeler` workspace: toolbar, deployed procedures, the diagram with its properties and
 * FEEL condition pane, the XML and e-form tabs, and every check listed below. Mounted by the shell's route table.
 */
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';
import './modeler-view.css';
import type BpmnModeler from 'bpmn-js/lib/Modeler';
import { t } from '../i18n/locale';
import { api, ApiProblem, sessionToken } from '../api/api-client';
import type { MountView } from '../shell/route-table';
import { createBpmnModeler } from './create-bpmn-modeler';
import { createIssuesPanel, type ListedIssue } from './issues-panel';
import { createServerIssueMarkers, shapeIdFor } from './server-issue-markers';
import { createProcedureListPanel } from './procedure-list-panel';
import { createConditionPane } from './condition-pane';
import { createEditorTabs } from './editor-tabs';
import { renderSignInForm } from './sign-in-form';
import { loadDraft, saveDraft } from './draft-store';
import { emptyProcedureXml, oneStopTemplateXml } from './procedure-templates';
import { downloadFile, svgToPng } from './export-image';
import { renderToolbar } from './modeler-toolbar';
import { fitDiagram } from './fit-diagram';
import { translatePanelTitles } from './translate-panel-titles';
import type { AgencyDirectory } from './properties/lienthong-properties-provider';

declare global {
  interface Window {
    /** The live bpmn-js instance, for the browser tests' import/export round trips. */
    lienthongModeler?: BpmnModeler;
  }
}

interface LintReport {
  id: string;
  message: string;
  category: string;
}

export const mountModelerView: MountView = (container) => {
  let dispose: (() => void) | undefined;
  const start = () => {
    dispose = mountSignedIn(container);
  };
  if (sessionToken()) start();
  else renderSignInForm(container, start);
  return () => dispose?.();
};

function mountSignedIn(container: HTMLElement): () => void {
  container.innerHTML = `
    <div class="modeler">
      <div class="modeler-toolbar" role="toolbar"></div>
      <div class="modeler-body">
        <aside class="modeler-procedures"></aside>
        <section class="modeler-center"></section>
        <aside class="modeler-side"><div class="modeler-properties"></div><section class="condition-pane"></section></aside>
      </div>
      <section class="issues-panel" aria-live="polite"></section>
      <p class="modeler-status" role="status"></p>
    </div>`;
  const $ = <T extends HTMLElement>(selector: string) => container.querySelector<T>(selector)!;
  const status = $('.modeler-status');
  const say = (message: string, tone: 'info' | 'error' | 'success' = 'info') => {
    status.textContent = message;
    status.dataset.tone = tone;
  };
  const agencyDirectory: AgencyDirectory = { agencies: [] };
  const canvasHost = document.createElement('div');
  canvasHost.className = 'modeler-canvas';
  const modeler = createBpmnModeler({ canvas: canvasHost, properties: $('.modeler-properties') }, agencyDirectory);
  const stopTranslatingTitles = translatePanelTitles($('.modeler-properties'));
  window.lienthongModeler = modeler;
  const elementRegistry = modeler.get<{ get(id: string): { businessObject: { name?: string; processRef?: { name?: string } } } | undefined }>('elementRegistry');
  const nameOf = (id: string) => {
    const element = elementRegistry.get(id);
    if (element) return element.businessObject.name || id;
    // A process drawn as a pool (named by the server's issues): its own name, else its pool's.
    const pool = elementRegistry.get(shapeIdFor(modeler, id) ?? '');
    return (pool?.businessObject.processRef?.name ?? pool?.businessObject.name) || id;
  };
  const issues = createIssuesPanel($('.issues-panel'), (id) => {
    const element = elementRegistry.get(shapeIdFor(modeler, id) ?? id);
    if (element) modeler.get<{ select(element: unknown): void }>('selection').select(element);
  }, nameOf);
  const serverMarkers = createServerIssueMarkers(modeler);
  const showServerIssues = (found: ListedIssue[]) => {
    issues.setIssues('server', found);
    serverMarkers.show(found);
  };
  const tabs = createEditorTabs($('.modeler-center'), canvasHost, modeler, say);
  const conditionPane = createConditionPane($('.condition-pane'), modeler);
  const procedures = createProcedureListPanel($('.modeler-procedures'), (key, version) => void tabs.openReadOnly(key, version));
  const eventBus = modeler.get<{ on(event: string, fn: (event: { issues: Record<string, LintReport[]> }) => void): void }>('eventBus');
  eventBus.on('linting.completed', ({ issues: found }) => {
    const listed: ListedIssue[] = Object.entries(found).flatMap(([id, reports]) =>
      reports.map((report) => ({ elementId: id, message: report.message, severity: report.category === 'error' || report.category === 'rule-error' ? 'error' : 'warning', source: 'lint' as const })),
    );
    issues.setIssues('lint', listed);
    // A refusal message goes stale once the last error is fixed.
    if (status.dataset.tone === 'error' && issues.errors().length === 0) say('');
  });

  const currentXml = async () => (await modeler.saveXML({ format: true })).xml ?? '';
  let autosave: number | undefined;
  const storeDraft = async () => saveDraft({ key: keyInput.value, xml: await currentXml(), savedAt: new Date().toISOString() });
  modeler.on('commandStack.changed', () => {
    window.clearTimeout(autosave);
    autosave = window.setTimeout(() => void storeDraft(), 400);
    showServerIssues([]);
  });

  const open = async (xml: string, key: string) => {
    keyInput.value = key;
    tabs.leaveReadOnly();
    const result = await modeler.importXML(xml);
    fitDiagram(modeler.get('canvas'));
    if (result.warnings.length > 0) say(t('status.importWarnings', { count: result.warnings.length }));
  };

  const lintErrors = async (): Promise<ListedIssue[]> => {
    const found = (await modeler.get<{ lint(): Promise<Record<string, LintReport[]>> }>('linting').lint()) ?? {};
    return Object.entries(found).flatMap(([, reports]) =>
      reports.filter((report) => report.category === 'error').map((report) => ({ elementId: report.id, message: report.message, severity: 'error' as const, source: 'lint' as const })),
    );
  };
  const serverIssues = (found: { elementId: string; message: string; severity: string }[]): ListedIssue[] =>
    found.map((issue) => ({ elementId: issue.elementId, message: issue.message, severity: issue.severity === 'error' ? 'error' : 'warning', source: 'server' }));

  const check = async () => {
    const local = await lintErrors();
    const xml = await currentXml();
    const answer = await api.validate(xml).catch((error: unknown) => ({ issues: error instanceof ApiProblem ? error.issues : [] }));
    showServerIssues(serverIssues(answer.issues));
    const total = local.length + answer.issues.filter((issue) => issue.severity === 'error').length;
    say(total === 0 ? t('status.checkPassed') : t('status.checkFailed', { count: total }), total === 0 ? 'success' : 'error');
  };

  const deploy = async () => {
    if (tabs.isReadOnly()) return;
    if (!(await tabs.syncFromXml())) return;
    const local = await lintErrors();
    if (local.length > 0) {
      say(t('status.deployRefused', { count: local.length }), 'error');
      return;
    }
    const key = keyInput.value.trim();
    if (!key) {
      say(t('status.keyMissing'), 'error');
      keyInput.focus();
      return;
    }
    try {
      const deployed = await api.deploy(key, await currentXml());
      await storeDraft();
      say(t('status.deployed', { key: deployed.key, version: deployed.version }), 'success');
      await procedures.refresh();
    } catch (error) {
      if (error instanceof ApiProblem && error.issues.length > 0) {
        showServerIssues(serverIssues(error.issues));
        say(t('status.deployRefusedByServer', { count: error.issues.length }), 'error');
      } else say(t('status.failed', { message: (error as Error).message }), 'error');
    }
  };

  const exportImage = async (kind: 'svg' | 'png') => {
    const { svg } = await modeler.saveSVG();
    const name = keyInput.value || 'thu-tuc';
    downloadFile(`${name}.${kind}`, kind === 'svg' ? new Blob([svg], { type: 'image/svg+xml' }) : await svgToPng(svg));
  };

  const commandStack = modeler.get<{ undo(): void; redo(): void }>('commandStack');
  const keyInput = renderToolbar($('.modeler-toolbar'), {
    newEmpty: () => void open(emptyProcedureXml(), ''),
    newFromTemplate: () => void open(oneStopTemplateXml(), 'mot-cua-phong-lanh-dao'),
    openFile: (xml) => void open(xml, '').catch((error: Error) => say(t('status.failed', { message: error.message }), 'error')),
    saveDraft: () => void storeDraft().then(() => say(t('status.draftSaved'), 'success')),
    check: () => void check(),
    deploy: () => void deploy(),
    undo: () => commandStack.undo(),
    redo: () => commandStack.redo(),
    exportSvg: () => void exportImage('svg'),
    exportPng: () => void exportImage('png'),
    downloadXml: () => void currentXml().then((xml) => downloadFile(`${keyInput.value || 'thu-tuc'}.bpmn`, new Blob([xml], { type: 'application/xml' }))),
  });

  const onKey = (event: KeyboardEvent) => {
    if (!(event.ctrlKey || event.metaKey)) return;
    if (event.key === 's') {
      event.preventDefault();
      void storeDraft().then(() => say(t('status.draftSaved'), 'success'));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void check();
    }
  };
  document.addEventListener('keydown', onKey);

  void (async () => {
    agencyDirectory.agencies = await api.agencies().catch(() => []);
    await procedures.refresh();
    const draft = loadDraft();
    await open(draft?.xml ?? emptyProcedureXml(), draft?.key ?? '').catch(() => open(emptyProcedureXml(), ''));
    container.querySelector('.modeler')?.setAttribute('data-ready', 'true');
  })();

  return () => {
    window.clearTimeout(autosave);
    document.removeEventListener('keydown', onKey);
    conditionPane.dispose();
    tabs.dispose();
    stopTranslatingTitles();
    if (window.lienthongModeler === modeler) delete window.lienthongModeler;
    // Keep the draft across a language switch or a route change, then let bpmn-js go.
    void storeDraft().finally(() => modeler.destroy());
  };
}
