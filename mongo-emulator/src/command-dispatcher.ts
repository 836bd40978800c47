/** @module CommandDispatcher: strict routing of command documents to handlers, with transactions and cluster time. */
import { Binary, Long, type Document } from 'bson';
import { CommandError, toCommandError } from './command-error';
import { GENERIC_FIELDS, type CommandContext, type CommandSpec } from './command-spec';
import type { DocumentStore } from './document-store';
import type { EmulatorContext } from './emulator-context';
import { sessionIdOf, type Transaction } from './transaction-manager';

export interface CommandRequest {
  body: Document;
  connectionId: number;
  isConnectionClosed: () => boolean;
}

export class CommandDispatcher {
  private readonly specs = new Map<string, CommandSpec>();

  constructor(private readonly emulator: EmulatorContext) {}

  register(specs: readonly CommandSpec[]): this {
    for (const spec of specs) for (const name of [spec.name, ...(spec.aliases ?? [])]) this.specs.set(name, spec);
    return this;
  }

  /** Always resolves to a reply document: failures become { ok: 0, errmsg, code, codeName }. */
  async dispatch(request: CommandRequest): Promise<Document> {
    let transaction: Transaction | undefined;
    let name = '';
    try {
      name = Object.keys(request.body)[0] ?? '';
      const spec = this.specs.get(name);
      if (spec) this.count(spec.name, false);
      if (!spec) throw new CommandError({ code: 59, message: `no such command: '${name}'` });
      this.assertKnownFields(spec, request.body);
      const db = typeof request.body.$db === 'string' ? request.body.$db : 'admin';
      if (spec.adminOnly && db !== 'admin') throw new CommandError({ code: 13, message: `${spec.name} may only be run against the admin database.` });
      if (spec.writes && !this.emulator.replication.isPrimary) throw new CommandError({ code: 10107, message: 'not primary' });
      transaction = this.transactionFor(spec, request.body);
      const reply = await spec.run(this.contextFor(request, db, transaction));
      // Durable before acknowledged: the command's writes (a committed transaction's as one batch) reach the disk first.
      await this.emulator.storage.persist();
      return this.withClusterTime({ ...reply, ok: 1 });
    } catch (error) {
      const known = this.specs.get(name);
      if (known) this.count(known.name, true);
      if (transaction && name !== 'commitTransaction' && name !== 'abortTransaction') this.emulator.transactions.abortAfterError(transaction);
      // A failed command may have written before failing (an ordered insert's first documents): those are kept too.
      await this.emulator.storage.persist();
      return this.withClusterTime(toCommandError(error).toReply());
    }
  }

  private count(name: string, failed: boolean): void {
    let totals = this.emulator.commandTotals.get(name);
    if (!totals) this.emulator.commandTotals.set(name, (totals = { total: 0, failed: 0 }));
    if (failed) totals.failed += 1;
    else totals.total += 1;
  }

  /** mongod parses commands with IDL and refuses unknown fields: "BSON field 'find.foo' is an unknown field." (code 40415). */
  private assertKnownFields(spec: CommandSpec, body: Document): void {
    const [commandName, ...fields] = Object.keys(body);
    for (const field of fields) {
      if (spec.fields === 'any' || GENERIC_FIELDS.has(field) || spec.fields.includes(field)) continue;
      throw new CommandError({ code: 40415, message: `BSON field '${commandName}.${field}' is an unknown field.` });
    }
  }

  /** autocommit: false marks a statement of a multi-document transaction (Transactions spec). */
  private transactionFor(spec: CommandSpec, body: Document): Transaction | undefined {
    const hasTxnNumber = body.txnNumber !== undefined;
    if (hasTxnNumber && !this.emulator.replication.isReplicaSet) {
      throw new CommandError({ code: 20, message: 'Transaction numbers are only allowed on a replica set member or mongos' });
    }
    if (body.autocommit !== false) return undefined;
    const sessionId = sessionIdOf(body.lsid);
    if (!sessionId || !hasTxnNumber) throw new CommandError({ code: 72, message: 'Given transaction number does not match any in-progress transactions.' });
    const txnNumber = Long.isLong(body.txnNumber) ? body.txnNumber.toNumber() : Number(body.txnNumber);
    if (!spec.inTransaction) {
      throw new CommandError({ code: 263, message: `Cannot run '${spec.name}' in a multi-document transaction.` });
    }
    if (body.startTransaction === true) return this.emulator.transactions.begin(sessionId, txnNumber);
    const transaction = this.emulator.transactions.continue(sessionId, txnNumber);
    // Only commit (retried) and abort may still name a committed transaction.
    if (transaction.state === 'committed' && spec.name !== 'commitTransaction' && spec.name !== 'abortTransaction') {
      throw new CommandError({ code: 256, message: `Transaction with { txnNumber: ${txnNumber} } has been committed.` });
    }
    return transaction;
  }

  private contextFor(request: CommandRequest, db: string, transaction: Transaction | undefined): CommandContext {
    const { storage, transactions } = this.emulator;
    const view = (collectionName: string, create: boolean): DocumentStore | undefined => {
      const collection = create ? storage.ensureCollection(db, collectionName) : storage.getCollection(db, collectionName);
      if (!collection) return undefined;
      return transaction ? transactions.viewOf(transaction, collection) : collection;
    };
    return {
      body: request.body,
      db,
      emulator: this.emulator,
      connectionId: request.connectionId,
      transaction,
      store: (collectionName) => view(collectionName, false),
      storeForWrite: (collectionName) => view(collectionName, true)!,
      forDatabase: (other) => this.contextFor(request, other, transaction),
      isConnectionClosed: request.isConnectionClosed,
    };
  }

  /** Replica-set members gossip $clusterTime and report operationTime; drivers echo the former back. */
  private withClusterTime(reply: Document): Document {
    const replication = this.emulator.replication;
    if (!replication.isReplicaSet || !replication.isPrimary) return reply;
    const time = replication.nextClusterTime();
    return {
      ...reply,
      $clusterTime: { clusterTime: time, signature: { hash: new Binary(Buffer.alloc(20)), keyId: Long.ZERO } },
      operationTime: time,
    };
  }
}
