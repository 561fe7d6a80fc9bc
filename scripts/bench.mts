// npm run bench -- startup | sync [sync options]
//   startup: time from starting the launcher (`npm start`, production build, demo mode) to a served
//            login page, on a fresh embedded database and again on the existing one. Needs `npm run build`.
//   sync:    the sync benchmarks (same as `npm run bench:sync`).
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const [what, ...rest] = process.argv.slice(2);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function timeToLogin(dataDir: string): Promise<number> {
  const [port, pgPort] = [await freePort(), await freePort()];
  const env = { ...process.env, PORT: String(port), EMBEDDED_PG_PORT: String(pgPort), KANSHI_DATA_DIR: dataDir, DATABASE_URL: "", KANSHI_AWS_MODE: "demo" };
  const started = performance.now();
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", "serve.mts")], { cwd: root, env, stdio: "ignore" });
  try {
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/login`).then((r) => r.ok, () => false);
      if (ok) return (performance.now() - started) / 1000;
      if (child.exitCode !== null) throw new Error(`the launcher exited with ${child.exitCode}`);
      if (performance.now() - started > 120_000) throw new Error("no login page after 120 s");
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
}

if (what === "startup") {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.error("No production build: run `npm run build` first.");
    process.exit(2);
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), "kanshi-bench-startup-"));
  try {
    console.log(`launch → login page served, fresh data folder: ${(await timeToLogin(dataDir)).toFixed(1)} s`);
    console.log(`launch → login page served, existing data folder: ${(await timeToLogin(dataDir)).toFixed(1)} s`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
} else if (what === "sync") {
  const child = spawn(process.execPath, ["--max-semi-space-size=32", "--conditions=react-server", "--import", "tsx", path.join(root, "scripts", "bench-sync.mts"), ...rest], { cwd: root, stdio: "inherit" });
  child.on("exit", (code) => process.exit(code ?? 1));
} else {
  console.error("usage: npm run bench -- startup | sync [--scale N] [--million] [--rate-limited] [--all]");
  process.exit(2);
}
