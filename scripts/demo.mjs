// npm run demo: the console on demo data with nothing to set up. Installs the dependencies when
// they are missing, builds when the build is missing or older than the sources, then starts.
// Plain JavaScript on purpose: it runs before node_modules exists.
import { execSync, spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const run = (cmd) => execSync(cmd, { cwd: root, stdio: "inherit" });

if (!existsSync(path.join(root, "node_modules", ".bin", "next"))) {
  console.log("[kanshi] installing dependencies (npm ci)…");
  run("npm ci");
}

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".") || entry.name === "generated") continue;
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

const buildId = path.join(root, ".next", "BUILD_ID");
const sources = Math.max(...["app", "components", "server", "proxy.ts", "next.config.mjs", "package-lock.json"].map((p) => {
  const full = path.join(root, p);
  if (!existsSync(full)) return 0;
  return statSync(full).isDirectory() ? newest(full) : statSync(full).mtimeMs;
}));
if (!existsSync(buildId) || statSync(buildId).mtimeMs < sources) {
  console.log("[kanshi] building the console (first run only, about a minute)…");
  run("npm run build");
}

// The launcher itself (what `npm start` runs), without another npm in between to pass signals through.
const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "scripts", "serve.mts")], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, KANSHI_DEMO: process.env.KANSHI_DEMO ?? "true" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
