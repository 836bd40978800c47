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
import { currentLocale, t } from '../i18n/locale';
import { api, ApiProblem, sessionToken } from '../api/api-client';
import type { MountView } from '../shell/route-table';
import { createBpmnModeler } from './create-bpmn-modeler';
import { createIssuesPanel } from './issues-panel';
import { createCheckResults, fromServerIssue, type IssueCounts } from './checks/check-results';
import { issueMessage } from './checks/issue-catalogue';
import { createCountBadge } from './checks/count-badge';
import { withServerIssueDetails } from './checks/server-issue-details';
import type { LintNode } from './lint/lint-node';
import { fromLintReport, type LintReport } from './lint/report-issue';
import { createServerIssueMarkers, shapeIdFor } from './server-issue-markers';
import { createProcedureListPanel } from './procedure-list-panel';
import { createConditionPane } from './condition-pane';
import { createEditorTabs } from './editor-tabs';
import { renderSignInForm } from './sign-in-form';
import { listDrafts, loadDraft, moveBrowserDrafts, newDraftId, saveDraft } from './draft-store';
import { createDraftListPanel } from './draft-list-panel';
import { emptyProcedureXml } from './procedure-templates';
import { createTemplateGallery } from './template-gallery';
import { readProcedureName, writeProcedureName } from './procedure-name';
import { downloadFile, svgToPng } from './export-image';
import { renderToolbar, setToolbarMode } from './modeler-toolbar';
import { createReadOnlyProperties } from './read-only-properties';
import { problemMessage } from '../workspaces/common/problem-message';
import { fitDiagram } from './fit-diagram';
import { translatePanelTitles } from './translate-panel-titles';
import type { AgencyDirectory } from './properties/lienthong-properties-provider';
import { mountSimulationPanel } from './simulation/simulation-panel';

declare global {
  interface Window {
    /** The live bpmn-js instance, for the browser tests' import/export round trips. */
    lienthongModeler?: BpmnModeler;
  }
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
        <aside class="modeler-side"><div class="modeler-properties"></div><div class="readonly-properties"></div><section class="condition-pane"></section></aside>
      </div>
      <div class="simulation-host"></div>
      <section class="issues-panel" aria-live="polite"></section>
      <p class="modeler-status" role="status"></p>
    </div>`;
  const $ = <T extends HTMLElement>(selector: string) => container.querySelector<T>(selector)!;
  const status = $('.modeler-status');
  type Tone = 'info' | 'error' | 'success';
  /** Every check's findings, merged: the panel, the canvas badge and the status line count from it alone. */
  const checks = createCheckResults();
  /** A status that states the checks' counts (after a check, a refused deploy): said again as they change. */
  let countedStatus: ((counts: IssueCounts) => { message: string; tone: Tone }) | undefined;
  const say = (message: string, tone: Tone = 'info') => {
    countedStatus = undefined;
    status.textContent = message;
    status.dataset.tone = tone;
  };
  const sayCounts = (word: NonNullable<typeof countedStatus>) => {
    const { message, tone } = word(checks.counts());
    say(message, tone);
    countedStatus = word;
  };
  checks.onChange(() => {
    if (countedStatus) sayCounts(countedStatus);
  });
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
  createIssuesPanel($('.issues-panel'), checks, (id) => {
    const element = elementRegistry.get(shapeIdFor(modeler, id) ?? id);
    if (element) modeler.get<{ select(element: unknown): void }>('selection').select(element);
  }, nameOf);
  createCountBadge(modeler, checks);
  const serverMarkers = createServerIssueMarkers(modeler);
  // The browser's findings carry bpmnlint's mark; the diagram marks what only the server found.
  checks.onChange((found) =>
    serverMarkers.show(found.filter((issue) => issue.source === 'server').map((issue) => ({ ...issue, message: issueMessage(issue, currentLocale(), nameOf(issue.elementId)) }))),
  );
  // What the signed-in role may do (GET /api/auth/me): a head of unit reads procedures, only an analyst designs them.
  let canDesign = false;
  const readOnlyProperties = createReadOnlyProperties($('.readonly-properties'), () => agencyDirectory.agencies);
  const listening = new WeakSet<object>();
  const tabs = createEditorTabs($('.modeler-center'), canvasHost, modeler, say, {
    readOnlyChanged: (readOnly) => {
      setToolbarMode($('.modeler-toolbar'), { canDesign, readOnly });
      // The draft's issues and messages belong to the draft, not to the version being read.
      if (readOnly) say('');
      readOnlyProperties.show(undefined);
    },
    viewerOpened: (viewer) => {
      type Shown = { businessObject: Parameters<typeof readOnlyProperties.show>[0] };
      // The procedure's own properties first (name, code, deadline), until a step is clicked.
      readOnlyProperties.show(viewer.get<{ getRootElement(): Shown }>('canvas').getRootElement().businessObject);
      if (listening.has(viewer)) return;
      listening.add(viewer);
      viewer.on('element.click', (event: { element: Shown }) => readOnlyProperties.show(event.element.businessObject));
    },
    copyToDraft: (xml, key) => void open(xml, key, newDraftId()).then(() => say(t('status.copiedToDraft', { key }), 'success')),
  });
  const conditionPane = createConditionPane($('.condition-pane'), modeler);
  /** Whether the signed-in user retires and restores procedures (an analyst, an administrator). */
  let canRetire = false;
  const procedures = createProcedureListPanel($('.modeler-procedures'), (key, version) => void tabs.openReadOnly(key, version), () => agencyDirectory.agencies, () => canRetire);
  // The signed-in analyst's drafts, kept on the server (GET /api/drafts), and the one being drawn.
  let userId: string | undefined;
  let draftId = newDraftId();
  /** Diagrams opened so far: one the analyst opened while the page loaded is not replaced by the last draft. */
  let opened = 0;
  const drafts = createDraftListPanel($('.modeler-procedures'), (listed) =>
    void loadDraft(listed.id).then((draft) => (draft ? open(draft.xml, draft.key, draft.id) : undefined)).catch((error) => say(problemMessage(error), 'error')),
  );
  const showDrafts = async () => {
    if (!userId || !canDesign) return;
    drafts.show(await listDrafts().catch(() => []), draftId);
  };
  // A template opens readable (no smaller than 60 %), from its top-left corner when it is wider than the screen.
  const gallery = createTemplateGallery($('.modeler-center'), (template) =>
    void open(template.xml(agencyDirectory.agencies), template.key, newDraftId()).then(() => fitDiagram(modeler.get('canvas'), { minScale: 0.6 })),
  );
  // "Mô phỏng": the draft as drawn now, under two scenarios; its key names the deployed versions whose history it uses.
  const simulation = mountSimulationPanel($('.simulation-host'), {
    modeler,
    readDraft: async () => ({ xml: await currentXml(), key: keyInput.value }),
    agencies: () => agencyDirectory.agencies,
  });
  const eventBus = modeler.get<{ on(event: string, fn: (event: { issues: Record<string, LintReport[]> }) => void): void }>('eventBus');
  eventBus.on('linting.completed', ({ issues: found }) => checks.setLint(Object.values(found).flat().map(fromLintReport)));

  const currentXml = async () => (await modeler.saveXML({ format: true })).xml ?? '';
  let autosave: number | undefined;
  /** Counts the model's changes, so a server answer about an earlier model is dropped. */
  let modelVersion = 0;
  const storeDraft = async () => {
    if (!userId || !canDesign) return false;
    try {
      await saveDraft({ id: draftId, key: keyInput.value, name: readProcedureName(modeler), xml: currentXml() });
    } catch (error) {
      say(problemMessage(error), 'error');
      return false;
    }
    await showDrafts();
    return true;
  };
  const nameInput = () => $<HTMLInputElement>('input[name="procedure-name"]');
  const showName = () => {
    if (document.activeElement !== nameInput()) nameInput().value = readProcedureName(modeler);
  };
  /** What a check or a refused deploy said was about the model before this change or this import. */
  const forgetVerdict = () => {
    modelVersion += 1;
    if (countedStatus) say('');
    checks.setServer([]);
  };
  modeler.on('commandStack.changed', () => {
    showName();
    simulation.modelChanged();
    window.clearTimeout(autosave);
    autosave = window.setTimeout(() => void storeDraft(), 400);
    forgetVerdict();
  });
  modeler.on('import.done', () => {
    forgetVerdict();
    simulation.modelChanged();
  });

  const open = async (xml: string, key: string, id: string) => {
    keyInput.value = key;
    draftId = id;
    opened += 1;
    tabs.leaveReadOnly();
    const result = await modeler.importXML(xml);
    fitDiagram(modeler.get('canvas'));
    showName();
    void showDrafts();
    if (result.warnings.length > 0) say(t('status.importWarnings', { count: result.warnings.length }));
  };

  /** Lint the model as it is now (the live lint may still be running after the last change). */
  const lintNow = async () => {
    const found = (await modeler.get<{ lint(): Promise<Record<string, LintReport[]>> }>('linting').lint()) ?? {};
    checks.setLint(Object.values(found).flat().map(fromLintReport));
  };
  const serverFindings = (found: Parameters<typeof fromServerIssue>[0][]) =>
    found.map((issue) => withServerIssueDetails(fromServerIssue(issue), (id) => elementRegistry.get(id)?.businessObject as LintNode | undefined, agencyDirectory.agencies));

  const check = async () => {
    const checked = modelVersion;
    await lintNow();
    let answer: { issues: Parameters<typeof fromServerIssue>[0][] };
    try {
      answer = await api.validate(await currentXml());
    } catch (error) {
      if (!(error instanceof ApiProblem)) return say(t('status.failed', { message: (error as Error).message }), 'error');
      answer = { issues: error.issues };
    }
    if (checked !== modelVersion) return;
    checks.setServer(serverFindings(answer.issues));
    sayCounts(({ errors }) => (errors === 0 ? { message: t('status.checkPassed'), tone: 'success' } : { message: t('status.checkFailed', { count: errors }), tone: 'error' }));
  };

  const deploy = async () => {
    if (tabs.isReadOnly()) return;
    if (!(await tabs.syncFromXml())) return;
    await lintNow();
    if (checks.counts().errors > 0) {
      sayCounts(({ errors }) => ({ message: errors === 0 ? '' : t('status.deployRefused', { count: errors }), tone: errors === 0 ? 'info' : 'error' }));
      return;
    }
    const key = keyInput.value.trim();
    if (!key) {
      say(t('status.keyMissing'), 'error');
      keyInput.focus();
      return;
    }
    // The name typed is the name listed: the pool, its process and the metadata all carry it.
    if (nameInput().value.trim()) writeProcedureName(modeler, nameInput().value);
    try {
      const deployed = await api.deploy(key, await currentXml());
      await storeDraft();
      say(t('status.deployed', { key: deployed.key, version: deployed.version }), 'success');
      await procedures.refresh();
    } catch (error) {
      if (error instanceof ApiProblem && error.issues.length > 0) {
        checks.setServer(serverFindings(error.issues));
        sayCounts(({ errors }) => ({ message: errors === 0 ? '' : t('status.deployRefusedByServer', { count: errors }), tone: errors === 0 ? 'info' : 'error' }));
      } else say(problemMessage(error), 'error');
    }
  };

  const exportImage = async (kind: 'svg' | 'png') => {
    const { svg } = await modeler.saveSVG();
    const name = keyInput.value || 'thu-tuc';
    downloadFile(`${name}.${kind}`, kind === 'svg' ? new Blob([svg], { type: 'image/svg+xml' }) : await svgToPng(svg));
  };

  const commandStack = modeler.get<{ undo(): void; redo(): void }>('commandStack');
  const keyInput = renderToolbar($('.modeler-toolbar'), {
    newEmpty: () => void open(emptyProcedureXml(), '', newDraftId()),
    newFromTemplate: () => gallery.open(),
    rename: (name) => writeProcedureName(modeler, name),
    openFile: (xml) => void open(xml, '', newDraftId()).catch((error: Error) => say(t('status.failed', { message: error.message }), 'error')),
    saveDraft: () => void storeDraft().then((saved) => saved && say(t('status.draftSaved'), 'success')),
    check: () => void check(),
    simulate: () => simulation.open(),
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
      void storeDraft().then((saved) => saved && say(t('status.draftSaved'), 'success'));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void check();
    }
  };
  document.addEventListener('keydown', onKey);

  void (async () => {
    agencyDirectory.agencies = await api.agencies().catch(() => []);
    const me = await api.me().catch(() => undefined);
    canDesign = me?.permissions.includes('procedure.deploy') ?? false;
    canRetire = me?.permissions.includes('procedure.retire') ?? false;
    userId = me?.user.id;
    container.querySelector('.modeler')?.classList.toggle('is-reader', !canDesign);
    setToolbarMode($('.modeler-toolbar'), { canDesign, readOnly: tabs.isReadOnly() });
    await procedures.refresh();
    // Drafts an older modeler kept in this browser move to the server once, at this analyst's first sign-in here.
    if (canDesign && userId) await moveBrowserDrafts(userId).catch(() => 0);
    const draft = canDesign && userId ? await loadDraft().catch(() => undefined) : undefined;
    if (opened === 0) await open(draft?.xml ?? emptyProcedureXml(), draft?.key ?? '', draft?.id ?? newDraftId()).catch(() => open(emptyProcedureXml(), '', newDraftId()));
    // Someone who only reads starts on the first deployed procedure, not on an empty drawing.
    const first = procedures.listed()[0];
    if (!canDesign && first) await tabs.openReadOnly(first.key, first.version);
    if (!canDesign) say(t('reading.readerNote'));
    container.querySelector('.modeler')?.setAttribute('data-ready', 'true');
  })();

  return () => {
    window.clearTimeout(autosave);
    document.removeEventListener('keydown', onKey);
    conditionPane.dispose();
    simulation.close();
    tabs.dispose();
    stopTranslatingTitles();
    if (window.lienthongModeler === modeler) delete window.lienthongModeler;
    // Keep the draft across a language switch or a route change, then let bpmn-js go.
    void storeDraft().finally(() => modeler.destroy());
  };
}
