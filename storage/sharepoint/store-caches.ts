/** A Map that forgets its least recently used entries beyond `max`. */
export class LruMap<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly max: number) {}

  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as K);
  }

  delete(key: K): void {
    this.map.delete(key);
  }
}

/** Runs tasks with the same key one after another (in this process); different keys run freely. */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}

/** Facts about an item that never change once it exists: safe to remember for the life of the process. */
export interface ItemFacts {
  itemId: string;
  caseRef: string;
  createdAt: string;
}

export interface StoreCaches {
  items: LruMap<string, ItemFacts>;
  /** Highest case sequence this process has seen, per list and year: the next create tries one more. */
  caseSequence: Map<string, number>;
  creates: KeyedQueue;
  driveIds: Map<string, string>;
}

export function createStoreCaches(maxItems = 20_000): StoreCaches {
  return {
    items: new LruMap(maxItems),
    caseSequence: new Map(),
    creates: new KeyedQueue(),
    driveIds: new Map(),
  };
}
