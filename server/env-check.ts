import "server-only";
import { EnvError, parseEnv } from "./env";

/** Validates the configuration; on a bad setting prints what is wrong and stops the process. */
export function exitOnInvalidEnv(): void {
  try {
    parseEnv();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`\n${error.message}\n`);
    process.exit(1);
  }
}
