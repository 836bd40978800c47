/**
 * @module userTaskPaletteModule — puts "user task" (bước xử lý) on the palette and the context pad: it is the element
 * analysts draw most, and bpmn-js only offers a generic task there.
 */
interface Shape {
  type: string;
  businessObject: unknown;
}
interface ElementFactory {
  createShape(attrs: { type: string }): Shape;
}
interface Create {
  start(event: Event, shape: Shape, context?: { source: Shape }): void;
}
interface AutoPlace {
  append(source: Shape, shape: Shape): void;
}
type Translate = (text: string) => string;
type Entries = Record<string, unknown>;

class UserTaskPalette {
  static $inject = ['palette', 'create', 'elementFactory', 'translate'];

  constructor(
    palette: { registerProvider(provider: unknown): void },
    private readonly create: Create,
    private readonly elementFactory: ElementFactory,
    private readonly translate: Translate,
  ) {
    palette.registerProvider(this);
  }

  getPaletteEntries(): (entries: Entries) => Entries {
    const start = (event: Event) => this.create.start(event, this.elementFactory.createShape({ type: 'bpmn:UserTask' }));
    return (entries) => {
      // Our user task takes the generic task's place: analysts draw steps that people do.
      const rest = Object.fromEntries(Object.entries(entries).filter(([key]) => key !== 'create.task'));
      return {
        ...rest,
        'create.user-task': {
          group: 'activity',
          className: 'bpmn-icon-user-task',
          title: this.translate('Create user task'),
          action: { dragstart: start, click: start },
        },
      };
    };
  }
}

class UserTaskContextPad {
  static $inject = ['contextPad', 'elementFactory', 'translate', 'injector'];

  constructor(
    contextPad: { registerProvider(provider: unknown): void },
    private readonly elementFactory: ElementFactory,
    private readonly translate: Translate,
    private readonly injector: { get(name: string, strict: false): unknown },
  ) {
    contextPad.registerProvider(this);
  }

  getContextPadEntries(): (entries: Entries) => Entries {
    return (entries) => {
      if (!entries['append.append-task']) return entries;
      const autoPlace = this.injector.get('autoPlace', false) as AutoPlace | undefined;
      const append = (event: Event, source: Shape) => {
        const shape = this.elementFactory.createShape({ type: 'bpmn:UserTask' });
        if (autoPlace) autoPlace.append(source, shape);
        else (this.injector.get('create', false) as Create).start(event, shape, { source });
      };
      const rest = Object.fromEntries(Object.entries(entries).filter(([key]) => key !== 'append.append-task'));
      return {
        'append.user-task': {
          group: 'model',
          className: 'bpmn-icon-user-task',
          title: this.translate('Append user task'),
          action: { click: append, dragstart: append },
        },
        ...rest,
      };
    };
  }
}

export const userTaskPaletteModule = {
  __init__: ['userTaskPalette', 'userTaskContextPad'],
  userTaskPalette: ['type', UserTaskPalette],
  userTaskContextPad: ['type', UserTaskContextPad],
};
