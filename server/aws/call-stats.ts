import "server-only";

/** What a sync reports about its AWS traffic: every attempt the SDK made, and those throttled. */
export class CallStats {
  calls: Record<string, number> = {};
  throttles = 0;
  errors = 0;

  get total(): number {
    return Object.values(this.calls).reduce((a, b) => a + b, 0);
  }
}

const THROTTLING = new Set(["LimitExceededException", "TooManyRequestsException", "ThrottlingException", "Throttling", "RequestLimitExceeded"]);

export function isThrottling(error: unknown): boolean {
  return error instanceof Error && THROTTLING.has(error.name);
}

type MiddlewareClient = {
  middlewareStack: {
    add(
      middleware: (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => (args: unknown) => Promise<unknown>,
      options: { step: "deserialize"; name: string; priority: "high" },
    ): void;
  };
};

/**
 * Counts each attempt (retries included) and each throttling answer. Added at the deserialize
 * step, which runs once per attempt inside the SDK's retry loop.
 */
export function instrumentClient<T>(client: T, service: string, stats: CallStats): T {
  (client as unknown as MiddlewareClient).middlewareStack.add(
    (next, context) => async (args) => {
      const key = `${service}.${(context.commandName ?? "unknown").replace(/Command$/, "")}`;
      stats.calls[key] = (stats.calls[key] ?? 0) + 1;
      try {
        return await next(args);
      } catch (error) {
        if (isThrottling(error)) stats.throttles++;
        else stats.errors++;
        throw error;
      }
    },
    { step: "deserialize", name: "kanshiCallStats", priority: "high" },
  );
  return client;
}
