/**
 * @module KeyedMutex — runs async work one at a time per key (here: per dossier), so that two uploads to one dossier
 * cannot both pass the per-dossier limit by checking the stored total before either is stored. Per process only:
 * across server processes the limit can still be passed by the uploads that race.
 */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const current = previous.catch(() => undefined).then(work);
    this.tails.set(key, current);
    try {
      return await current;
    } finally {
      // The last holder leaves no entry behind, so the map does not grow with every dossier ever uploaded to.
      if (this.tails.get(key) === current) this.tails.delete(key);
    }
  }
}
