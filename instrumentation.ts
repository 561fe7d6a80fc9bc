// Runs once when a Next server process starts: validate the configuration before serving anything.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { exitOnInvalidEnv } = await import("@/server/env-check");
    exitOnInvalidEnv();
  }
}
