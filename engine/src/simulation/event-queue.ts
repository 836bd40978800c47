/**
 * @module EventQueue — the future event list of the discrete-event simulation: a binary min-heap on (instant,
 * insertion order), so events at the same instant are handled first come first served and a run is reproducible.
 * Written here rather than taken from a library because it is twenty lines and sits on the hot path.
 */
export interface QueuedEvent<T> {
  at: number;
  seq: number;
  event: T;
}

export class EventQueue<T> {
  private readonly heap: QueuedEvent<T>[] = [];
  private seq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(at: number, event: T): void {
    const heap = this.heap;
    heap.push({ at, seq: this.seq++, event });
    let index = heap.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!before(heap[index]!, heap[parent]!)) break;
      [heap[index], heap[parent]] = [heap[parent]!, heap[index]!];
      index = parent;
    }
  }

  pop(): QueuedEvent<T> | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last) {
      heap[0] = last;
      let index = 0;
      for (;;) {
        const left = 2 * index + 1;
        const right = left + 1;
        let smallest = index;
        if (left < heap.length && before(heap[left]!, heap[smallest]!)) smallest = left;
        if (right < heap.length && before(heap[right]!, heap[smallest]!)) smallest = right;
        if (smallest === index) break;
        [heap[index], heap[smallest]] = [heap[smallest]!, heap[index]!];
        index = smallest;
      }
    }
    return top;
  }
}

function before<T>(a: QueuedEvent<T>, b: QueuedEvent<T>): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
