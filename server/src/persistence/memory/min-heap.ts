/** @module MinHeap — a binary heap ordered by a numeric key: O(log n) push and pop, O(1) peek. */

export interface HeapEntry<T> {
  key: number;
  /** Breaks ties in insertion order, so equal keys come out first-in first-out. */
  seq: number;
  value: T;
}

/** Binary min-heap on `(key, seq)`; the timer store uses it to reach due timers without scanning open ones. */
export class MinHeap<T> {
  private readonly entries: HeapEntry<T>[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.entries.length;
  }

  push(key: number, value: T): void {
    this.entries.push({ key, seq: this.nextSeq++, value });
    this.siftUp(this.entries.length - 1);
  }

  peek(): HeapEntry<T> | undefined {
    return this.entries[0];
  }

  pop(): HeapEntry<T> | undefined {
    const top = this.entries[0];
    const last = this.entries.pop();
    if (top !== undefined && last !== undefined && this.entries.length > 0) {
      this.entries[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  private less(a: HeapEntry<T>, b: HeapEntry<T>): boolean {
    return a.key < b.key || (a.key === b.key && a.seq < b.seq);
  }

  private siftUp(index: number): void {
    const { entries } = this;
    let child = index;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (!this.less(entries[child]!, entries[parent]!)) return;
      [entries[child], entries[parent]] = [entries[parent]!, entries[child]!];
      child = parent;
    }
  }

  private siftDown(index: number): void {
    const { entries } = this;
    let parent = index;
    for (;;) {
      const left = parent * 2 + 1;
      const right = left + 1;
      let smallest = parent;
      if (left < entries.length && this.less(entries[left]!, entries[smallest]!)) smallest = left;
      if (right < entries.length && this.less(entries[right]!, entries[smallest]!)) smallest = right;
      if (smallest === parent) return;
      [entries[parent], entries[smallest]] = [entries[smallest]!, entries[parent]!];
      parent = smallest;
    }
  }
}
