/** Minimal typings for @bpmn-io/properties-panel and bpmn-js-properties-panel (they ship none). */
declare module '@bpmn-io/properties-panel' {
  type Component = (props: any) => any;
  export const TextFieldEntry: Component;
  export const TextAreaEntry: Component;
  export const SelectEntry: Component;
  export const CheckboxEntry: Component;
  export const NumberFieldEntry: Component;
  export function isTextFieldEntryEdited(node: unknown): boolean;
  export function isTextAreaEntryEdited(node: unknown): boolean;
  export function isSelectEntryEdited(node: unknown): boolean;
  export function isCheckboxEntryEdited(node: unknown): boolean;
}

declare module 'bpmn-js-properties-panel' {
  export const BpmnPropertiesPanelModule: import('didi').ModuleDeclaration;
  export const BpmnPropertiesProviderModule: import('didi').ModuleDeclaration;
  export function useService<T = unknown>(type: string, strict?: boolean): T;
}

declare module 'bpmn-js-bpmnlint' {
  const lintModule: import('didi').ModuleDeclaration;
  export default lintModule;
}

declare module '@bpmn-io/feel-lint' {
  export interface FeelLintIssue {
    from: number;
    to: number;
    message: string;
    severity: 'error' | 'warning' | 'info';
    type: string;
  }
  export function lintExpression(expression: string, options?: Record<string, unknown>): FeelLintIssue[];
}
