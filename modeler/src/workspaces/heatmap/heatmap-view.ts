/**
 * @module heatmapView — where the dossiers of one procedure version are stuck: its diagram (bpmn-js NavigatedViewer)
 * with the waiting, nearly-due and overdue counts on each step, coloured by the overdue share; clicking a step lists
 * its dossiers. Counts follow the server's `heatmap.changed` events (server-sent events) without a reload. For those
 * who may see them (issue 19), each step also shows its measured median and p90 working days, the slowest marked,
 * with the CSV export (./heatmap-durations.ts).
 */
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { t } from '../../i18n/locale';
import '../workspaces.css';
import type { MountView } from '../../shell/route-table';
import { element } from '../common/element';
import { ApiProblem } from '../../api/api-client';
import { errorNote } from '../common/problem-message';
import { saveBlob } from '../common/save-blob';
import { simulationApi } from '../common/simulation-api';
import { mountSignedIn } from '../common/sign-in-gate';
import { statsApi, type ElementCounts } from '../common/stats-api';
import { workspaceApi, type ProcedureSummary } from '../common/workspace-api';
import { formatTime } from '../common/workspace-format';
import { renderStepDossiers } from './step-dossiers';
import { drawOverlays, type OverlayServices } from './heatmap-overlays';
import { drawDurations, durationLegend } from './heatmap-durations';
import { durationText } from './duration-text';

type ViewBox = { x: number; y: number; width: number; height: number };

/** Events arriving together (a completion changes two steps) cause one refetch. */
const REFRESH_DEBOUNCE_MS = 150;

export const mountHeatmapView: MountView = (container) => {
  const page = element('section', { className: 'ws-page ws-heatmap-page' });
  container.append(page);
  return mountSignedIn(page, (body) => renderHeatmap(body));
};

function renderHeatmap(container: HTMLElement): () => void {
  const params = new URLSearchParams(location.search);
  const procedureSelect = element('select', { attrs: { name: 'procedure', 'aria-label': t('ws.heatmap.procedure') } });
  const versionSelect = element('select', { attrs: { name: 'version', 'aria-label': t('ws.heatmap.version') } });
  const live = element('span', { className: 'ws-live', attrs: { 'aria-live': 'polite' } });
  const status = element('div', { className: 'ws-status' });
  const canvas = element('div', { className: 'ws-heat-canvas' });
  const side = element('aside', { className: 'ws-heat-side' }, element('p', { className: 'ws-muted', text: t('ws.heatmap.pick') }));
  const durationsBox = element('div', { className: 'ws-dur-box' });
  container.append(
    element('div', { className: 'ws-toolbar' },
      element('h2', { className: 'ws-title', text: t('nav.heatmap') }),
      element('label', { className: 'ws-inline' }, element('span', { text: t('ws.heatmap.procedure') }), procedureSelect),
      element('label', { className: 'ws-inline' }, element('span', { text: t('ws.heatmap.version') }), versionSelect),
      legend(),
      live,
    ),
    durationsBox,
    status,
    element('div', { className: 'ws-heat-layout' }, canvas, side),
  );

  const viewer = new NavigatedViewer({ container: canvas });
  const services: OverlayServices = { elementRegistry: viewer.get('elementRegistry'), overlays: viewer.get('overlays') };
  let events: EventSource | undefined;
  let current: { key: string; version: number } | undefined;
  let selected: { elementId: string; name: string } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const showDossiers = async (elementId: string, name: string) => {
    if (!current) return;
    selected = { elementId, name };
    const { key, version } = current;
    try {
      const answer = await statsApi.heatmapDossiers(key, version, elementId);
      if (closed || current?.key !== key) return;
      side.replaceChildren(renderStepDossiers(name, elementId, answer));
    } catch (error) {
      side.replaceChildren(errorNote(error));
    }
  };

  const refresh = async () => {
    if (!current) return;
    const { key, version } = current;
    try {
      const answer = await statsApi.heatmap(key, version);
      if (closed || current?.key !== key || current.version !== version) return;
      const elements: Record<string, ElementCounts> = answer.elements ?? {};
      drawOverlays(services, elements, (elementId, name) => void showDossiers(elementId, name));
      canvas.dataset.updatedAt = String(Date.now());
      live.textContent = t('ws.heatmap.updated', { at: formatTime(Date.now()) });
      if (selected) await showDossiers(selected.elementId, selected.name);
    } catch (error) {
      status.replaceChildren(errorNote(error));
    }
  };

  /** The measured durations of the version; a role that may not read them (an official) simply does not see them. */
  const showDurations = async (key: string, version: number) => {
    try {
      const durations = await simulationApi.durations({ procedureKey: key, version });
      if (closed || current?.key !== key || current.version !== version) return;
      drawDurations(services, durations);
      const csv = element('button', {
        className: 'lt-button ws-csv', text: durationText('csv'), attrs: { type: 'button' }, dataset: { table: 'durations' },
        on: {
          click: () => void simulationApi.durationsCsv({ procedureKey: key, version, from: durations.period.from, to: durations.period.to })
            .then((blob) => saveBlob(blob, `thoi-gian-xu-ly-${key}-v${version}.csv`))
            .catch((error: unknown) => status.replaceChildren(errorNote(error))),
        },
      });
      durationsBox.replaceChildren(durationLegend(durations, csv));
      canvas.dataset.durations = `${key}@${version}`;
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 403) return;
      status.replaceChildren(errorNote(error));
    }
  };

  const listen = (key: string) => {
    events?.close();
    events = statsApi.events(key);
    events.addEventListener('open', () => live.classList.add('ws-live-on'));
    events.addEventListener('error', () => live.classList.remove('ws-live-on'));
    events.addEventListener('heatmap.changed', (event) => {
      const change = JSON.parse((event as MessageEvent<string>).data) as { version?: number };
      if (current && change.version !== undefined && change.version !== current.version) return;
      clearTimeout(timer);
      timer = setTimeout(() => void refresh(), REFRESH_DEBOUNCE_MS);
    });
  };

  const open = async (key: string, version: number) => {
    status.replaceChildren();
    selected = undefined;
    side.replaceChildren(element('p', { className: 'ws-muted', text: t('ws.heatmap.pick') }));
    durationsBox.replaceChildren();
    delete canvas.dataset.durations;
    try {
      const procedure = await workspaceApi.version(key, version);
      current = { key, version };
      history.replaceState(null, '', `/heatmap?procedureKey=${encodeURIComponent(key)}&version=${version}`);
      await viewer.importXML(await withDiagram(procedure.xml));
      // Fitting a diagram into a container with no width yet (a hidden or collapsed panel) gives a non-finite scale.
      if (canvas.clientWidth > 0 && canvas.clientHeight > 0) {
        const diagram = viewer.get('canvas') as { zoom(level: string): void; viewbox(box?: ViewBox): ViewBox };
        diagram.zoom('fit-viewport');
        // Room above the top lane for the measured durations drawn over each step.
        const box = diagram.viewbox();
        diagram.viewbox({ x: box.x - 10, y: box.y - 44, width: box.width + 20, height: box.height + 54 });
      }
      listen(key);
      await refresh();
      await showDurations(key, version);
      canvas.dataset.ready = `${key}@${version}`;
    } catch (error) {
      status.replaceChildren(errorNote(error));
    }
  };

  const chooseProcedure = async (key: string, wantedVersion?: number) => {
    try {
      const versions = await workspaceApi.versions(key);
      versionSelect.replaceChildren(...versions.map((v) => element('option', { text: t('ws.heatmap.versionN', { version: v.version }), attrs: { value: String(v.version) } })));
      const version = wantedVersion && versions.some((v) => v.version === wantedVersion) ? wantedVersion : versions[0]?.version;
      if (version === undefined) return;
      versionSelect.value = String(version);
      await open(key, version);
    } catch (error) {
      status.replaceChildren(errorNote(error));
    }
  };

  procedureSelect.addEventListener('change', () => void chooseProcedure(procedureSelect.value));
  versionSelect.addEventListener('change', () => void open(procedureSelect.value, Number(versionSelect.value)));

  void workspaceApi
    .procedures()
    .then((procedures: ProcedureSummary[]) => {
      procedureSelect.replaceChildren(...procedures.map((p) => element('option', { text: p.name, attrs: { value: p.key } })));
      const key = params.get('procedureKey') ?? procedures[0]?.key;
      if (!key) {
        status.replaceChildren(element('p', { className: 'ws-empty', text: t('ws.heatmap.noProcedures') }));
        return;
      }
      procedureSelect.value = key;
      return chooseProcedure(key, Number(params.get('version')) || undefined);
    })
    .catch((error: unknown) => status.replaceChildren(errorNote(error)));

  return () => {
    closed = true;
    clearTimeout(timer);
    events?.close();
    viewer.destroy();
  };
}

/** A version deployed without diagram interchange (through the API, not the modeler) is laid out here to be shown. */
async function withDiagram(xml: string): Promise<string> {
  if (/BPMNDiagram/.test(xml)) return xml;
  const { layoutProcess } = await import('bpmn-auto-layout');
  return layoutProcess(xml);
}

function legend(): HTMLElement {
  return element(
    'div',
    { className: 'ws-heat-legend' },
    element('span', { className: 'ws-heat-waiting', text: t('ws.heatmap.waiting') }),
    element('span', { className: 'ws-heat-nearly', text: t('ws.mark.nearlyDue') }),
    element('span', { className: 'ws-heat-overdue', text: t('ws.mark.overdue') }),
    element('span', { className: 'ws-heat-scale', text: t('ws.heatmap.scale') }),
  );
}
