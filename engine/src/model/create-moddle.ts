/** @module createModdle — a bpmn-moddle instance that knows our `lt:` extension descriptor. */
import { BpmnModdle } from 'bpmn-moddle';
import { lienthongDescriptor } from './lienthong-descriptor';

/** Foreign extensions (Camunda, Signavio, …) need no descriptor: moddle keeps them as generic elements and `$attrs`. */
export function createModdle(): BpmnModdle {
  return new BpmnModdle({ lienthong: lienthongDescriptor });
}
