/** Polls a URL until it answers 2xx, or fails after the timeout. */
export async function waitReady(name: string, url: string, timeoutMs: number, isStopped: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (isStopped()) throw new Error(`${name} stopped before it was ready`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} was not ready within ${Math.round(timeoutMs / 1000)} s (${url}); see its log in .data/logs/`);
}
