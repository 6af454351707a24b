// Work the Node server must finish before the process exits (the job worker's stop). Kept on
// globalThis because two copies of this module meet here: Next.js bundles the one
// instrumentation.ts registers with, scripts/next-server.ts (plain Node) loads the one that runs
// the hooks on SIGTERM/SIGINT. No imports, so the plain-Node side can load it.

type Hook = () => Promise<void>;
const KEY = Symbol.for("kuaiji.shutdownHooks");
const store = globalThis as unknown as Record<typeof KEY, Hook[] | undefined>;

export function onShutdown(hook: Hook): void {
  (store[KEY] ??= []).push(hook);
}

/** Runs every hook at once; resolves when all have settled or after `timeoutMs`. */
export async function runShutdownHooks(timeoutMs = 15_000): Promise<void> {
  const hooks = store[KEY]?.splice(0) ?? [];
  if (hooks.length === 0) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    Promise.allSettled(hooks.map((hook) => hook())),
    new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs))),
  ]);
  clearTimeout(timer);
}
