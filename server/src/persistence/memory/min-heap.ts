/** @module MinHeap — a binary heap ordered by a numeric key: O(log n) push and pop, O(1) peek. */

export interface HeapEntry<T> {
  key: number;
  value: T;
}

/**
 * Binary min-heap on `(key, insertion order)`; the timer store uses it to reach due timers without scanning open
 * ones. Keys, tie-breakers and values sit in parallel arrays and sifting moves a hole instead of swapping, so a heap
 * of a million timers adds no per-entry objects for the garbage collector to trace.
 */
export class MinHeap<T> {
  private readonly keys: number[] = [];
  private readonly seqs: number[] = [];
  private readonly values: T[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.keys.length;
  }

  push(key: number, value: T): void {
    this.keys.push(key);
    this.seqs.push(this.nextSeq++);
    this.values.push(value);
    this.siftUp(this.keys.length - 1);
  }

  /** The smallest key, without removing it. */
  peekKey(): number | undefined {
    return this.keys[0];
  }

  pop(): HeapEntry<T> | undefined {
    const { keys, seqs, values } = this;
    if (keys.length === 0) return undefined;
    const top = { key: keys[0]!, value: values[0]! };
    const lastKey = keys.pop()!;
    const lastSeq = seqs.pop()!;
    const lastValue = values.pop()!;
    if (keys.length > 0) {
      keys[0] = lastKey;
      seqs[0] = lastSeq;
      values[0] = lastValue;
      this.siftDown(0);
    }
    return top;
  }

  private less(a: number, b: number): boolean {
    const { keys, seqs } = this;
    return keys[a]! < keys[b]! || (keys[a] === keys[b] && seqs[a]! < seqs[b]!);
  }

  private move(from: number, to: number): void {
    this.keys[to] = this.keys[from]!;
    this.seqs[to] = this.seqs[from]!;
    this.values[to] = this.values[from]!;
  }

  private siftUp(index: number): void {
    const { keys, seqs, values } = this;
    const key = keys[index]!;
    const seq = seqs[index]!;
    const value = values[index]!;
    let hole = index;
    while (hole > 0) {
      const parent = (hole - 1) >> 1;
      if (!(key < keys[parent]! || (key === keys[parent] && seq < seqs[parent]!))) break;
      this.move(parent, hole);
      hole = parent;
    }
    keys[hole] = key;
    seqs[hole] = seq;
    values[hole] = value;
  }

  private siftDown(index: number): void {
    const { keys, seqs, values } = this;
    const length = keys.length;
    const key = keys[index]!;
    const seq = seqs[index]!;
    const value = values[index]!;
    let hole = index;
    for (;;) {
      let child = hole * 2 + 1;
      if (child >= length) break;
      if (child + 1 < length && this.less(child + 1, child)) child += 1;
      if (!(keys[child]! < key || (keys[child] === key && seqs[child]! < seq))) break;
      this.move(child, hole);
      hole = child;
    }
    keys[hole] = key;
    seqs[hole] = seq;
    values[hole] = value;
  }
}
