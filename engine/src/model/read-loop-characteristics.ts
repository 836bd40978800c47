/** @module readLoopCharacteristics — standard loops (BPMN 2.0 §10.2.7) and multi-instance (§10.2.8) with their collections. */
import type { LoopCharacteristics } from './procedure-definition';
import {
  CAMUNDA_PREFIXES,
  booleanProp,
  elementProp,
  extensionValues,
  foreignAttr,
  localTypeName,
  stringProp,
  type ModdleElement,
} from './moddle-element';
import { referenceId, type ReadContext } from './read-context';
import { readExpression } from './read-expression';

export function readLoopCharacteristics(activity: ModdleElement, context: ReadContext): LoopCharacteristics | undefined {
  const loop = elementProp(activity, 'loopCharacteristics');
  if (!loop) return undefined;
  if (loop.$type === 'bpmn:StandardLoopCharacteristics') {
    const loopMaximum = Number(stringProp(loop, 'loopMaximum'));
    return {
      type: 'standardLoop',
      loopCondition: readExpression(elementProp(loop, 'loopCondition'), context),
      // §10.2.7 Table 10.26: testBefore defaults to false (do-while).
      testBefore: booleanProp(loop, 'testBefore') ?? false,
      loopMaximum: Number.isFinite(loopMaximum) && stringProp(loop, 'loopMaximum') !== undefined ? loopMaximum : undefined,
    };
  }
  if (loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics') return undefined;
  const collection = readCollection(activity, loop, context);
  return {
    type: 'multiInstance',
    isSequential: booleanProp(loop, 'isSequential') ?? false,
    loopCardinality: readExpression(elementProp(loop, 'loopCardinality'), context),
    completionCondition: readExpression(elementProp(loop, 'completionCondition'), context),
    ...collection,
  };
}

type Collection = Pick<
  Extract<LoopCharacteristics, { type: 'multiInstance' }>,
  'inputCollection' | 'inputElement' | 'outputCollection' | 'outputElement'
>;

/**
 * The collection to iterate, in order of preference: our `lt:loopCharacteristics` (FEEL), zeebe's
 * `zeebe:loopCharacteristics`, Camunda 7's `camunda:collection`/`camunda:elementVariable`, then the standard
 * `loopDataInputRef`/`inputDataItem` (§10.2.8), whose item-aware element ids we keep as variable names.
 */
function readCollection(activity: ModdleElement, loop: ModdleElement, context: ReadContext): Collection {
  const extensions = [...extensionValues(loop), ...extensionValues(activity)];
  const ours = extensions.find((element) => element.$type === 'lt:LoopCharacteristics');
  const zeebe = extensions.find((element) => element.$type.startsWith('zeebe:') && localTypeName(element.$type) === 'loopCharacteristics');
  const declared = ours ?? zeebe;
  if (declared) {
    return {
      inputCollection: readExpression(stringProp(declared, 'inputCollection'), context, 'feel'),
      inputElement: stringProp(declared, 'inputElement'),
      outputCollection: stringProp(declared, 'outputCollection'),
      outputElement: readExpression(stringProp(declared, 'outputElement'), context, 'feel'),
    };
  }
  const camundaCollection = foreignAttr(loop, 'collection', CAMUNDA_PREFIXES);
  if (camundaCollection !== undefined) {
    return {
      // A bare variable name is a valid FEEL path expression; `${…}` stays JUEL.
      inputCollection: readExpression(camundaCollection, context, 'feel'),
      inputElement: foreignAttr(loop, 'elementVariable', CAMUNDA_PREFIXES),
    };
  }
  const inputDataItem = elementProp(loop, 'inputDataItem');
  const outputDataItem = elementProp(loop, 'outputDataItem');
  const inputRef = referenceId(loop, 'loopDataInputRef', context);
  const outputRef = referenceId(loop, 'loopDataOutputRef', context);
  return {
    inputCollection: readExpression(inputRef, context, 'feel'),
    inputElement: inputDataItem && (stringProp(inputDataItem, 'name') ?? inputDataItem.id),
    outputCollection: outputRef,
    outputElement: readExpression(outputDataItem && (stringProp(outputDataItem, 'name') ?? outputDataItem.id), context, 'feel'),
  };
}
