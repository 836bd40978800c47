/** @module StructuredLog: mongod's JSON log lines (one per line on stdout), which mongodb-memory-server watches. */
import type { Document } from 'bson';

export type Severity = 'F' | 'E' | 'W' | 'I' | 'D1';

/** Writes lines shaped like mongod 4.4+ logs: {"t":{"$date":…},"s":"I","c":"NETWORK","id":23016,"ctx":…,"msg":…,"attr":{…}}. */
export class StructuredLog {
  constructor(private readonly write: (line: string) => void = (line) => process.stdout.write(line)) {}

  log(entry: { severity?: Severity; component: string; id: number; ctx?: string; msg: string; attr?: Document }): void {
    const line = {
      t: { $date: new Date().toISOString() },
      s: entry.severity ?? 'I',
      c: entry.component,
      id: entry.id,
      ctx: entry.ctx ?? 'initandlisten',
      msg: entry.msg,
      ...(entry.attr ? { attr: entry.attr } : {}),
    };
    this.write(`${JSON.stringify(line)}\n`);
  }
}
