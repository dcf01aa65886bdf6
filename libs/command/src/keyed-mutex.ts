/**
 * Runs tasks one at a time per key, in arrival order. handleCommand uses it per
 * stream so that parallel requests for one account inside one process queue up
 * instead of racing to a conflict, re-reading and re-deciding; optimistic
 * concurrency on append still guards across processes.
 */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Keys with a task running or queued (for tests and metrics). */
  get size(): number {
    return this.tails.size;
  }
}
