// The simulator the e2e server talks to (started by scripts/e2e-server.mts on a known port).
export const SIM_URL = `http://127.0.0.1:${process.env.E2E_SIM_PORT ?? 3199}`;

async function post(path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${SIM_URL}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

export const setFaults = (faults: Record<string, unknown>) => post("/_sim/faults", faults);
export const advanceClock = (duration: string) => post("/_sim/advance", { duration });

export async function simCalls(): Promise<Record<string, number>> {
  const state = (await (await fetch(`${SIM_URL}/_sim/state`)).json()) as { stats: { calls: Record<string, number> } };
  return state.stats.calls;
}
