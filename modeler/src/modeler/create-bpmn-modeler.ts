/**
 * @module createBpmnModeler — the bpmn-js Modeler with our descriptor (`lt:`), the properties panel extended for it,
 * bpmnlint checks shown on the elements, the user-task palette and the Vietnamese/English translate service.
 */
import BpmnModeler from 'bpmn-js/lib/Modeler';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule } from 'bpmn-js-properties-panel';
import lintModule from 'bpmn-js-bpmnlint';
import lienthongDescriptor from '../../../engine/src/model/lienthong-descriptor.json';
import { lienthongPropertiesModule, type AgencyDirectory } from './properties/lienthong-properties-provider';
import { lienthongLintConfig } from './lint/lienthong-lint-config';
import { userTaskPaletteModule } from './user-task-palette-module';
import { paletteTooltipsModule } from './palette-tooltips-module';
import { translateModule } from './translate-module';
import { preserveDiagramInterchangeModule } from './preserve-diagram-interchange-module';

export interface ModelerHosts {
  canvas: HTMLElement;
  properties: HTMLElement;
}

/**
 * Labels on the diagram in the interface's served font (`styles/fonts.css`); bpmn-js lays text out with it. Arial
 * after it for the PNG export, which draws the SVG as an image where the page's web fonts do not reach.
 */
const textRenderer = { defaultStyle: { fontFamily: "'Noto Sans', Arial, sans-serif" }, externalStyle: { fontFamily: "'Noto Sans', Arial, sans-serif" } };

export function createBpmnModeler(hosts: ModelerHosts, agencyDirectory: AgencyDirectory): BpmnModeler {
  return new BpmnModeler({
    container: hosts.canvas,
    textRenderer,
    propertiesPanel: { parent: hosts.properties },
    linting: { bpmnlint: lienthongLintConfig, active: true },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      lienthongPropertiesModule,
      lintModule,
      userTaskPaletteModule,
      paletteTooltipsModule,
      translateModule,
      preserveDiagramInterchangeModule,
      { agencyDirectory: ['value', agencyDirectory] },
    ],
    moddleExtensions: { lt: lienthongDescriptor },
  });
}

/** A read-only viewer for deployed versions: same descriptor, no editing tools. */
export function createReadOnlyViewer(container: HTMLElement): NavigatedViewer {
  return new NavigatedViewer({ container, textRenderer, additionalModules: [translateModule], moddleExtensions: { lt: lienthongDescriptor } });
}
