/** @module readEventDefinitions — event definitions of an event (BPMN 2.0 §10.5.5), references resolved to names. */
import type { EventDefinition } from './procedure-definition';
import { booleanProp, elementProp, elementsProp, stringProp, type ModdleElement } from './moddle-element';
import { referenceId, type ReadContext } from './read-context';
import { readExpression } from './read-expression';

/** Inline definitions plus `eventDefinitionRef`s to root-level definitions (§10.5.5 allows both). */
export function readEventDefinitions(event: ModdleElement, context: ReadContext): EventDefinition[] {
  const definitions = [...elementsProp(event, 'eventDefinitions'), ...elementsProp(event, 'eventDefinitionRef')];
  return definitions.flatMap((definition) => {
    const read = readEventDefinition(definition, context);
    return read ? [read] : [];
  });
}

function readEventDefinition(definition: ModdleElement, context: ReadContext): EventDefinition | undefined {
  switch (definition.$type) {
    case 'bpmn:TimerEventDefinition':
      // Timers never take the document's default language: plain text is ISO 8601 (`P2D`, a date, `R3/PT1H`),
      // which is not a FEEL expression; `= …` and `${…}` still mark FEEL and JUEL.
      return {
        type: 'timer',
        timeDuration: readExpression(elementProp(definition, 'timeDuration')),
        timeDate: readExpression(elementProp(definition, 'timeDate')),
        timeCycle: readExpression(elementProp(definition, 'timeCycle')),
      };
    case 'bpmn:MessageEventDefinition': {
      const message = elementProp(definition, 'messageRef');
      return { type: 'message', messageRef: referenceId(definition, 'messageRef', context), messageName: message && stringProp(message, 'name') };
    }
    case 'bpmn:SignalEventDefinition': {
      const signal = elementProp(definition, 'signalRef');
      return { type: 'signal', signalRef: referenceId(definition, 'signalRef', context), signalName: signal && stringProp(signal, 'name') };
    }
    case 'bpmn:ErrorEventDefinition': {
      const error = elementProp(definition, 'errorRef');
      return { type: 'error', errorRef: referenceId(definition, 'errorRef', context), errorCode: error && stringProp(error, 'errorCode') };
    }
    case 'bpmn:EscalationEventDefinition': {
      const escalation = elementProp(definition, 'escalationRef');
      return {
        type: 'escalation',
        escalationRef: referenceId(definition, 'escalationRef', context),
        escalationCode: escalation && stringProp(escalation, 'escalationCode'),
      };
    }
    case 'bpmn:LinkEventDefinition':
      // §10.5.5: link events pair by name within one process level.
      return { type: 'link', linkName: stringProp(definition, 'name') ?? definition.id ?? '' };
    case 'bpmn:ConditionalEventDefinition':
      return { type: 'conditional', condition: readExpression(elementProp(definition, 'condition'), context) ?? { body: '', language: 'unknown' } };
    case 'bpmn:TerminateEventDefinition':
      return { type: 'terminate' };
    case 'bpmn:CompensateEventDefinition':
      return {
        type: 'compensate',
        activityRef: referenceId(definition, 'activityRef', context),
        // §10.5.5 Table 10.94: waitForCompletion defaults to true.
        waitForCompletion: booleanProp(definition, 'waitForCompletion') ?? true,
      };
    case 'bpmn:CancelEventDefinition':
      return { type: 'cancel' };
    default:
      return undefined;
  }
}
