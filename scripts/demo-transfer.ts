// `npm run demo:transfer`: the national exchange and two provincial platforms — 广东 (without
// 深圳) and 深圳 — on this machine, each the embedded default (scripts/start.ts) with its own data
// (scripts/demo/instances.ts). A 调出 applied for on one reaches the other through the hub.
// The hub starts first (and builds, when a build is needed), the platforms after it. Ctrl-C
// stops all three. With SMS_OUTBOX_FILE set, every instance appends to that one file.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { type DemoInstance, demoEnv, demoInstances } from "./demo/instances";

const ROOT = path.resolve(import.meta.dirname, "..");
const START = [
  "--import",
  "./scripts/server-only/register.mjs",
  "--import",
  "tsx",
  "scripts/start.ts",
];
const children: ChildProcess[] = [];
let stopping = false;

function start(instance: DemoInstance, extra: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, START, {
    cwd: ROOT,
    env: { ...demoEnv(instance), ...extra },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const tag = `[${instance.label}] `;
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on("line", (line) => console.log(tag + line));
  }
  child.on("exit", (code) => {
    if (!stopping) {
      console.error(`${tag}exited (${code}); stopping the demo / 演示已停止`);
      void stopAll(1);
    }
  });
  children.push(child);
  return child;
}

async function ready(instance: DemoInstance, child: ChildProcess): Promise<void> {
  const url = `http://127.0.0.1:${instance.port}/api/ready`;
  const deadline = Date.now() + 15 * 60_000; // a first build takes minutes on two cores
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(3000) })).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`${instance.label} did not become ready / 未能启动`);
}

async function stopAll(code: number): Promise<never> {
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill("SIGINT");
  await Promise.all(
    children.map((c) => (c.exitCode === null ? new Promise((r) => c.once("exit", r)) : null)),
  );
  process.exit(code);
}

async function main() {
  process.on("SIGINT", () => void stopAll(0));
  process.on("SIGTERM", () => void stopAll(0));
  const [guangdong, shenzhen, hub] = demoInstances();
  const hubChild = start(hub!);
  await ready(hub!, hubChild);
  const platforms = [guangdong!, shenzhen!].map((i) => ({
    instance: i,
    child: start(i, { KUAIJI_SKIP_BUILD: "1" }),
  }));
  await Promise.all(platforms.map((p) => ready(p.instance, p.child)));
  console.log(
    [
      "",
      "═".repeat(72),
      "  跨省调转演示已启动 / transfer demo running",
      ...demoInstances().map((i) => `    ${i.label.padEnd(12, "　")} http://${i.host}:${i.port}`),
      "  调出：广东的演示账号登录 → 人员调转 → 申请调出（调入深圳）；",
      "  时间快进：npm run jobs -- --demo --at <ISO 时间>（自动审核、报送全国平台、通知）。",
      "  调入：深圳平台首页 → 跨省调转 → 省外调入。按 Ctrl-C 停止全部。",
      "═".repeat(72),
    ].join("\n"),
  );
}

main().catch((e: unknown) => {
  console.error(`[demo] ${e instanceof Error ? e.message : String(e)}`);
  void stopAll(1);
});
