/** Types of bpmn-auto-layout (the package ships none): lays out a process that has no diagram interchange (DI). */
declare module 'bpmn-auto-layout' {
  export function layoutProcess(xml: string): Promise<string>;
}
