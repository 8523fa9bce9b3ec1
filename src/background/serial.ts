/**
 * Runs tasks with the same key one after another. Two messages from one client decided at once
 * would both read the history before either was stored: the repeat rule could fire twice and
 * the daily quota be overrun.
 */
export function createSerial() {
  const tails = new Map<string, Promise<unknown>>()
  return function serial<T>(key: string, task: () => Promise<T>): Promise<T> {
    const prev = tails.get(key) ?? Promise.resolve()
    const run = prev.then(task, task)
    const tail = run.catch(() => undefined)
    tails.set(key, tail)
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key)
    })
    return run
  }
}
