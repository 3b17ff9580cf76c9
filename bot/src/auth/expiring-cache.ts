export interface Expiring<V> {
  value: V;
  /** Epoch milliseconds after which the value is not served again. */
  expiresAt: number;
}

/**
 * A bounded in-memory cache of values that expire (tokens, memberships). Concurrent misses for one key
 * share a single load, so a burst of requests from one user costs one round trip to Entra or Graph.
 * Least recently used entries go first when full, so memory stays flat however many users sign in.
 */
export class ExpiringCache<V> {
  private readonly entries = new Map<string, Expiring<V>>();
  private readonly loading = new Map<string, Promise<V>>();

  constructor(
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  async getOrLoad(key: string, load: () => Promise<Expiring<V>>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit) {
      if (hit.expiresAt > this.now()) {
        this.entries.delete(key);
        this.entries.set(key, hit);
        return hit.value;
      }
      this.entries.delete(key);
    }
    const pending = this.loading.get(key);
    if (pending) return pending;

    const promise = load().then(
      (loaded) => {
        this.loading.delete(key);
        if (loaded.expiresAt > this.now()) this.store(key, loaded);
        return loaded.value;
      },
      (error: unknown) => {
        this.loading.delete(key);
        throw error;
      },
    );
    this.loading.set(key, promise);
    return promise;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  private store(key: string, entry: Expiring<V>): void {
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}
