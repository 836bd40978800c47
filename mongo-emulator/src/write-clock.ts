/** @module WriteClock: numbers every committed write, so transactions can tell what changed after they began. */

export class WriteClock {
  private last = 0;
  /** The start of the oldest unfinished transaction; older document versions are kept back to this point. */
  snapshotHorizon: () => number | undefined = () => undefined;

  next(): number {
    this.last += 1;
    return this.last;
  }

  get current(): number {
    return this.last;
  }
}
