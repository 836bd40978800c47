/** @module lienthongDescriptor — our moddle extension descriptor (JSON data), shared by the parser and the modeler. */
import descriptor from './lienthong-descriptor.json';

/** Namespace URI of the `lt:` extension elements. */
export const LIENTHONG_URI = 'https://lienthong.gov.vn/schema/bpmn/1.0';

/** The moddle package descriptor: pass it to `new BpmnModdle({ lienthong: lienthongDescriptor })` or bpmn-js `moddleExtensions`. */
export const lienthongDescriptor: typeof descriptor = descriptor;
