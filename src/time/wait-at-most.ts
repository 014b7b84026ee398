/**
 * Resolves once every promise has settled, or after `timeoutMs`, whichever comes first: how a
 * shutdown waits for work under way without waiting for ever. The timer does not hold the process.
 */
export async function waitAtMost(promises: Iterable<Promise<unknown>>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
    timer.unref();
  });
  await Promise.race([Promise.allSettled([...promises]), timeout]);
  clearTimeout(timer);
}
