/**
 * Run async work on a stream of items, several at a time, and yield the
 * results in input order. At most `concurrency` items are pulled ahead, so
 * memory stays bounded however long the input is.
 */
export async function* mapOrdered<T, R>(items: AsyncIterable<T>, fn: (item: T) => Promise<R>, concurrency: number): AsyncGenerator<R> {
  const pending: Promise<R>[] = [];
  const iterator = items[Symbol.asyncIterator]();
  let done = false;
  try {
    for (;;) {
      while (!done && pending.length < concurrency) {
        const next = await iterator.next();
        if (next.done) done = true;
        else {
          const p = fn(next.value);
          // Handled when its turn comes; this only keeps an early rejection from being "unhandled".
          p.catch(() => {});
          pending.push(p);
        }
      }
      if (pending.length === 0) return;
      yield await pending.shift()!;
    }
  } finally {
    if (!done) await iterator.return?.();
  }
}
