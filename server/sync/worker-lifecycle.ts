import "server-only";
import { startWorker, stopWorker } from "./start-worker";

/**
 * Starts the worker and, with NEXT_MANUAL_SIG_HANDLE=true (set by the launcher), finishes the
 * running job before the process exits on SIGTERM/SIGINT.
 */
export async function startWorkerWithShutdown(): Promise<void> {
  try {
    await startWorker();
  } catch (error) {
    // The console still serves pages; the sync status shows the failure.
    console.error("[sync] the worker did not start:", error);
  }
  if (process.env.NEXT_MANUAL_SIG_HANDLE !== "true") return;
  let stopping = false;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      void stopWorker()
        .catch((error: unknown) => console.error("[sync] stopping the worker:", error))
        .finally(() => process.exit(0));
    });
  }
}
