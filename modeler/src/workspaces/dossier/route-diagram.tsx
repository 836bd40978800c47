/**
 * @module RouteDiagram — where the dossier stands on its procedure version's diagram: bpmn-js's NavigatedViewer (as
 * the heatmap shows it; a version without diagram interchange is laid out by bpmn-auto-layout) with the elements
 * done marked green and the current steps marked blue, and a legend in words for whoever cannot tell the colours.
 * bpmn-js is loaded with the diagram, not with the page.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n/locale';

interface Viewer {
  importXML(xml: string): Promise<unknown>;
  get(name: 'canvas'): { zoom(level: string): void; addMarker(id: string, marker: string): void };
  get(name: 'elementRegistry'): { get(id: string): unknown };
  destroy(): void;
}

export function RouteDiagram({ xml, done, current, names }: { xml: string; done: string[]; current: string[]; names: Map<string, string> }) {
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let viewer: Viewer | undefined;
    let closed = false;
    void (async () => {
      try {
        await Promise.all([import('bpmn-js/dist/assets/diagram-js.css'), import('bpmn-js/dist/assets/bpmn-js.css'), import('bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css')]);
        const { default: NavigatedViewer } = await import('bpmn-js/lib/NavigatedViewer');
        if (closed || !container.current) return;
        viewer = new NavigatedViewer({ container: container.current }) as unknown as Viewer;
        await viewer.importXML(await withDiagram(xml));
        const canvas = viewer.get('canvas');
        const registry = viewer.get('elementRegistry');
        for (const id of done) if (registry.get(id)) canvas.addMarker(id, 'off-path-done');
        for (const id of current) if (registry.get(id)) canvas.addMarker(id, 'off-path-current');
        canvas.zoom('fit-viewport');
        container.current.dataset.ready = 'true';
      } catch {
        if (!closed) setFailed(true);
      }
    })();
    return () => {
      closed = true;
      viewer?.destroy();
    };
  }, [xml, done.join(), current.join()]);
  const named = (ids: string[]) => ids.map((id) => names.get(id) ?? id).join(', ');
  return (
    <div class="off-route">
      {failed ? <p class="ws-muted">{t('off.dossier.routeUnavailable')}</p> : <div class="off-route-canvas" ref={container} />}
      <ul class="off-route-legend">
        <li class="off-legend-current" data-route="current">
          <span class="off-swatch" aria-hidden="true" />
          {t('off.dossier.routeCurrent')}: {named(current) || '—'}
        </li>
        <li class="off-legend-done" data-route="done">
          <span class="off-swatch" aria-hidden="true" />
          {t('off.dossier.routeDone')}: {named(done) || '—'}
        </li>
      </ul>
    </div>
  );
}

/** A version deployed without diagram interchange (through the API, not the modeler) is laid out here to be shown. */
async function withDiagram(xml: string): Promise<string> {
  if (/BPMNDiagram/.test(xml)) return xml;
  const { layoutProcess } = await import('bpmn-auto-layout');
  return layoutProcess(xml);
}
