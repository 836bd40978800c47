/**
 * @module readDocumentError — why bpmn-moddle could not read a document at all, as one issue on the root element:
 * not well-formed XML, or a root that is not `bpmn:definitions` in the BPMN 2.0 namespace (§8.2; the pre-final
 * `http://schema.omg.org/spec/BPMN/2.0` namespace and documents without a namespace included).
 */
import type { ValidationIssue } from './procedure-definition';

export const BPMN_MODEL_URI = 'http://www.omg.org/spec/BPMN/20100524/MODEL';

export function readDocumentError(xml: string, error: unknown): ValidationIssue {
  const message = error instanceof Error ? error.message : String(error);
  const root = describeRoot(xml);
  if (/^unparsable content|unclosed|unexpected end|missing start tag/i.test(message) || !root) {
    return {
      elementId: root?.id ?? root?.tag ?? 'document',
      code: 'XML_NOT_WELL_FORMED',
      severity: 'error',
      message: `The document is not well-formed XML: ${message.replace(/\s*\n\s*/g, '; ')}`,
    };
  }
  const found = root.namespace ? `namespace ${root.namespace}` : 'no namespace';
  return {
    elementId: root.id ?? root.tag,
    code: 'NOT_BPMN',
    severity: 'error',
    message: `The root element <${root.tag}>${root.id ? ` (${root.id})` : ''} is not a BPMN 2.0 definitions element: expected <definitions> in namespace ${BPMN_MODEL_URI}, found ${found}`,
  };
}

interface RootElement {
  tag: string;
  id?: string;
  namespace?: string;
}

/** The first start tag after the prolog, comments and doctype; enough to name the root in a message. */
function describeRoot(xml: string): RootElement | undefined {
  const withoutProlog = xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/g, '');
  const match = /<([A-Za-z_][\w.:-]*)([^>]*)>/.exec(withoutProlog);
  if (!match) return undefined;
  const [, tag, attributes] = match;
  const prefix = tag.includes(':') ? tag.slice(0, tag.indexOf(':')) : undefined;
  const attribute = (name: string) => new RegExp(`(?:^|\\s)${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*["']([^"']*)["']`).exec(attributes)?.[1];
  return { tag, id: attribute('id'), namespace: attribute(prefix ? `xmlns:${prefix}` : 'xmlns') };
}
