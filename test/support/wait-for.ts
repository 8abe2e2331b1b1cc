/**
 * Polls until `read` gives something truthy and returns it; after `timeoutMs` fails, with `explain()`
 * appended to say what the state was. For integration tests that watch real servers and timers.
 */
export async function waitFor<T>(
  read: () => T | null | undefined | false | Promise<T | null | undefined | false>,
  options: { timeoutMs?: number; intervalMs?: number; explain?: () => string } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) {
      const detail = options.explain ? `: ${options.explain()}` : '';
      throw new Error(`condition not met in time${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 50));
  }
}
