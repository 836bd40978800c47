/** @module AsyncMutex — lets one unit of work run at a time, so in-memory transactions never interleave. */

/** A FIFO lock for async functions: `run` waits for every earlier `run` to settle before starting `work`. */
export class AsyncMutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    // The next holder waits for this one to settle, whether it succeeded or threw.
    this.tail = result.catch(() => undefined);
    return result;
  }
}
