/** @module ReplicaSetState: standalone or one-member replica set; what hello reports and when the topology changes. */
import { Long, ObjectId, Timestamp, type Document } from 'bson';

/**
 * With --replSet the node starts as an uninitialised member (hello says "Does not have a valid replica
 * set config") and becomes the primary of a one-member set at replSetInitiate, as mongod does.
 */
export class ReplicaSetState {
  readonly processId = new ObjectId();
  readonly electionId = ObjectId.createFromHexString('7fffffff0000000000000001');
  config: Document | undefined;
  private counter = 0;
  private waiters = new Set<() => void>();
  private lastSeconds = 0;
  private increment = 0;

  constructor(
    readonly setName: string | undefined,
    readonly host: string,
  ) {}

  get isReplicaSet(): boolean {
    return this.setName !== undefined;
  }

  get isPrimary(): boolean {
    return !this.isReplicaSet || this.config !== undefined;
  }

  get topologyVersion(): Document {
    return { processId: this.processId, counter: Long.fromNumber(this.counter) };
  }

  initiate(config: Document): void {
    this.config = config;
    this.counter += 1;
    for (const wake of this.waiters) wake();
    this.waiters.clear();
  }

  /**
   * Awaitable hello (Server Monitoring spec): answer at once when the client's topologyVersion is stale,
   * otherwise when the topology changes or after maxAwaitTimeMS.
   */
  async awaitChange(clientVersion: Document | undefined, maxAwaitTimeMS: number, isClosed: () => boolean): Promise<void> {
    const sameProcess = clientVersion?.processId instanceof ObjectId && clientVersion.processId.equals(this.processId);
    if (!sameProcess || Number(clientVersion?.counter ?? -1) !== this.counter) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, maxAwaitTimeMS);
      const poll = setInterval(() => isClosed() && done(), 1000);
      const waiters = this.waiters;
      function done(): void {
        clearTimeout(timer);
        clearInterval(poll);
        waiters.delete(done);
        resolve();
      }
      waiters.add(done);
    });
  }

  /** A strictly increasing cluster time, reported as $clusterTime and operationTime. */
  nextClusterTime(): Timestamp {
    const seconds = Math.floor(Date.now() / 1000);
    if (seconds !== this.lastSeconds) {
      this.lastSeconds = seconds;
      this.increment = 0;
    }
    this.increment += 1;
    return new Timestamp({ t: seconds, i: this.increment });
  }

  /** The replica-set part of a hello reply. */
  helloFields(): Document {
    if (!this.isReplicaSet) return { isWritablePrimary: true };
    if (!this.config) {
      return { isWritablePrimary: false, secondary: false, info: 'Does not have a valid replica set config', isreplicaset: true };
    }
    const opTime = { ts: new Timestamp({ t: this.lastSeconds || Math.floor(Date.now() / 1000), i: this.increment || 1 }), t: Long.fromNumber(1) };
    const writeDate = new Date();
    return {
      hosts: [this.host],
      setName: this.setName,
      setVersion: 1,
      isWritablePrimary: true,
      secondary: false,
      primary: this.host,
      me: this.host,
      electionId: this.electionId,
      lastWrite: { opTime, lastWriteDate: writeDate, majorityOpTime: opTime, majorityWriteDate: writeDate },
    };
  }
}
