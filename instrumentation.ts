// Runs once when a Next server process starts: validate the configuration, then start the sync
// worker (KANSHI_WORKER=false turns it off, e.g. for web-only processes when several run).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { exitOnInvalidEnv } = await import("@/server/env-check");
    exitOnInvalidEnv();
    const { startWorkerWithShutdown } = await import("@/server/sync/worker-lifecycle");
    await startWorkerWithShutdown();
  }
}
