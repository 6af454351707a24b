// The one command that runs the platform.
//
//   npm start          production server (`next start`; builds first when there is no build)
//   npm run dev        development server (`next dev`), same database handling
//
// Embedded default — DATABASE_URL unset (a laptop, a demo, the e2e suite): nothing to install or
// configure. This process
//   1. creates the data directory ($KUAIJI_DATA_DIR, default .data) and loads or generates the
//      local secrets in <dataDir>/secrets.json (environment values win);
//   2. starts PGlite on <dataDir>/pglite, served over the PostgreSQL protocol on
//      127.0.0.1:$KUAIJI_DB_PORT (default 54329);
//   3. applies pending migrations, fills the console's search projection when it is empty (a data
//      directory from before it) and seeds the demo accounts, staff and notices (idempotent);
//   4. runs Next.js as a child process pointed at that database, and prints the address and the
//      demo accounts once the server is ready. Ctrl-C stops Next.js, then the database.
//
// Production — DATABASE_URL set: no PGlite, no seeding, no generated secrets; run
// `npm run db:migrate` as a release step before starting (the server's /api/ready reports 503
// while migrations are pending).
//
// Environment: PORT (3000), HOSTNAME to bind (embedded: 127.0.0.1; production: all interfaces;
// ignored when it merely equals the machine's host name, as Docker sets it),
// KUAIJI_DATA_DIR (.data), KUAIJI_DB_PORT (54329), KUAIJI_DB_MAX_CONNECTIONS (20),
// KUAIJI_ROLE=hub (the national exchange: no demo accounts; KUAIJI_DEMO_HUB_MEMBERS, a JSON list
// of { code, baseUrl, secret }, registers demo members — see scripts/demo-transfer.ts),
// SMS_DRIVER (embedded: outbox), SMS_OUTBOX_FILE (<dataDir>/sms-outbox.jsonl),
// NEXTAUTH_URL (embedded: http://localhost:PORT), KUAIJI_SKIP_BUILD=1 (never build).
// NEXT_TELEMETRY_DISABLED=1 always: Next.js's telemetry stays off in every process started here.
import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { hostname as osHostname } from "node:os";
import path from "node:path";
import { ensureLocalSecrets } from "../lib/crypto/local-secrets";
import { startEmbeddedDb, type EmbeddedDb } from "../lib/db/embedded";
import { applyMigrations } from "./db/migrations";
import { SERVER_HEAP_FLAG, SERVER_MALLOC_ENV } from "./server-heap";
import type { DemoAccount, DemoStaff } from "../lib/seed/demo";

type Demo = { people: DemoAccount[]; staff: DemoStaff[] };

const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, "..");
const NEXT_BIN = require.resolve("next/dist/bin/next");

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const embeddedMode = !process.env.DATABASE_URL;
const dataDir = path.resolve(ROOT, process.env.KUAIJI_DATA_DIR ?? ".data");

function say(message: string) {
  console.log(`[kuaiji] ${message}`);
}

/** Newest modification time among the files that go into a build (tests and data excluded). */
function newestSourceMtime(): number {
  let newest = 0;
  const skip = new Set([
    "node_modules",
    ".next",
    ".data",
    ".git",
    "tests",
    "test-results",
    "playwright-report",
    "coverage",
    "scripts",
  ]);
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (skip.has(entry.name) || entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (!/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const d of ["app", "components", "lib", "public", "prisma"])
    if (existsSync(path.join(ROOT, d))) walk(path.join(ROOT, d));
  for (const f of [
    "next.config.ts",
    "proxy.ts",
    "instrumentation.ts",
    "package.json",
    "postcss.config.mjs",
    "tsconfig.json",
  ]) {
    const full = path.join(ROOT, f);
    if (existsSync(full)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

function buildNeeded(): string | null {
  if (dev || process.env.KUAIJI_SKIP_BUILD === "1") return null;
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return "no build yet / 尚未构建";
  // Rebuilding a deployed build because of file times would surprise production: embedded only.
  if (embeddedMode && newestSourceMtime() > statSync(buildId).mtimeMs)
    return "sources changed since the last build / 源代码已更新";
  return null;
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [NEXT_BIN, ...args], {
      cwd: ROOT,
      env,
      stdio: "inherit",
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function waitUntilReady(
  url: string,
  child: ChildProcess,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

function banner(url: string, demo: Demo, env: NodeJS.ProcessEnv) {
  const line = "═".repeat(72);
  const out = ["", line, `  会计人员信息服务平台已启动 / kuaiji is running:  ${url}`, line];
  if (embeddedMode) {
    out.push(
      `  内置数据库 / embedded database:  ${dataDir}  (PostgreSQL protocol: ${env.DATABASE_URL})`,
      `  短信 / SMS:  ${env.SMS_DRIVER === "outbox" ? `验证码见 / codes at ${url}/dev/sms（${env.SMS_OUTBOX_FILE}）` : env.SMS_DRIVER}`,
    );
    if (demo.people.length) {
      out.push(
        "",
        "  演示账号（证件号码 + 密码登录）/ demo accounts (log in with ID number + password):",
      );
      for (const a of demo.people) {
        out.push(
          `    • ${a.label}`,
          `        证件号码 / ID number: ${a.idNumber}    密码 / password: ${a.password}    手机 / phone: ${a.phone}`,
        );
      }
    }
    if (demo.staff.length) {
      out.push(
        "",
        `  财政部门演示账号（${url}/console/login，登录名 + 密码 + 动态验证码）/ demo finance staff (console, password + TOTP):`,
      );
      for (const s of demo.staff) {
        out.push(
          `    • ${s.office}    登录名 / username: ${s.username}    密码 / password: ${s.password}`,
        );
      }
      out.push(
        `    动态验证码：在手机身份验证器中手动添加密钥 / TOTP: add this secret to an authenticator app: ${demo.staff[0]!.totpSecret}`,
      );
    }
  }
  out.push(line, "  按 Ctrl-C 停止 / press Ctrl-C to stop", line, "");
  console.log(out.join("\n"));
}

async function main() {
  // Next.js reports anonymous usage to Vercel unless told not to: a platform holding personal
  // data sends nothing anywhere it does not have to (`next build` and the server both read this).
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  // Docker and some shells export HOSTNAME as the machine's own name: that is not a bind address.
  const chosen =
    process.env.HOSTNAME && process.env.HOSTNAME !== osHostname()
      ? process.env.HOSTNAME
      : undefined;
  const hostname = chosen ?? (embeddedMode ? "127.0.0.1" : undefined);
  // The embedded default is for one machine: its database takes any password, /dev/sms shows
  // every code, and the demo passwords are printed at start. Never publish that by accident.
  const loopback = !hostname || /^(127\.|::1$|localhost$)/.test(hostname);
  if (
    embeddedMode &&
    (!loopback || !hostname) &&
    process.env.KUAIJI_ALLOW_PUBLIC_EMBEDDED !== "1"
  ) {
    throw new Error(
      `内置模式只在本机地址上提供服务（HOSTNAME=${hostname ?? "(all interfaces)"}）：正式部署请设置 DATABASE_URL；确需对外演示请设置 KUAIJI_ALLOW_PUBLIC_EMBEDDED=1。/ The embedded default serves loopback only; set DATABASE_URL for a real deployment, or KUAIJI_ALLOW_PUBLIC_EMBEDDED=1 for a deliberate demo.`,
    );
  }
  let embedded: EmbeddedDb | undefined;
  let demo: Demo = { people: [], staff: [] };

  const stopDb = async () => {
    if (!embedded) return;
    const db = embedded;
    embedded = undefined;
    await Promise.race([db.stop(), new Promise((r) => setTimeout(r, 10_000))]).catch((e) =>
      console.error(e),
    );
  };

  try {
    if (embeddedMode) {
      // Everything under .data (the database, people's files, SMS codes, the keys) is the
      // platform user's alone: files this process and its children create are 0600/0700, and a
      // directory left readable by an older version is closed.
      process.umask(0o077);
      mkdirSync(dataDir, { recursive: true, mode: 0o700 });
      chmodSync(dataDir, 0o700);
      Object.assign(env, ensureLocalSecrets(dataDir, process.env));
      Object.assign(process.env, env); // the seed below runs in this process and needs the keys

      const t0 = performance.now();
      embedded = await startEmbeddedDb({
        dataDir: path.join(dataDir, "pglite"),
        maxConnections: Number(process.env.KUAIJI_DB_MAX_CONNECTIONS ?? 20),
      });
      say(
        `embedded PostgreSQL (PGlite) ready in ${Math.round(performance.now() - t0)} ms at ${embedded.url}`,
      );

      const migrated = await applyMigrations(embedded.url, { log: (m) => say(m) });
      say(
        migrated.applied.length
          ? `applied ${migrated.applied.length} migration(s) in ${migrated.ms} ms`
          : `database schema up to date (${migrated.alreadyApplied.length} migration(s))`,
      );

      const { createDb } = await import("../lib/db/client");
      const seedDb = createDb(embedded.url);
      try {
        if (process.env.KUAIJI_ROLE === "hub") {
          // The exchange has no accountants: only its members (npm run demo:transfer names them).
          const { seedDemoMembers } = await import("../lib/seed/demo-hub");
          const added = await seedDemoMembers(seedDb, process.env.KUAIJI_DEMO_HUB_MEMBERS);
          if (added.length) say(`exchange members added: ${added.join(", ")}`);
        } else {
          // A data directory from before the console's search projection: fill it once.
          const { rebuildSearchProjectionIfEmpty } =
            await import("../lib/search/projection-rebuild");
          const rebuilt = await rebuildSearchProjectionIfEmpty(seedDb);
          if (rebuilt) say(`search projection rebuilt for ${rebuilt.people} people`);
          const { seedDemo } = await import("../lib/seed/demo");
          demo = await seedDemo(seedDb);
          const { seedDemoScale } = await import("../lib/seed/scale/demo");
          const scale = await seedDemoScale(embedded.url);
          if (scale)
            say(`demo people at scale: ${scale.people} seeded in ${Math.round(scale.ms)} ms`);
        }
      } finally {
        await seedDb.$disconnect();
      }

      env.DATABASE_URL = embedded.url;
      env.SMS_DRIVER ??= "outbox";
      env.SMS_OUTBOX_FILE ??= path.join(dataDir, "sms-outbox.jsonl");
      // No gateway on the embedded default: the codes must be readable somewhere in the browser.
      env.SMS_OUTBOX_PAGE ??= "1";
      env.NEXTAUTH_URL ??= `http://localhost:${port}`;
    } else if (!env.NEXTAUTH_URL) {
      say("warning: NEXTAUTH_URL is not set; set it to the public https:// address in production");
    }

    const why = buildNeeded();
    if (why) {
      say(`building (${why}) — next build …`);
      const code = await run(["build"], { ...env, NODE_ENV: "production" });
      if (code !== 0) throw new Error(`next build failed (exit ${code}) / 构建失败`);
    }
  } catch (e) {
    await stopDb();
    throw e;
  }

  // Production: our server in front of Next.js, so X-Forwarded-For comes from the socket
  // (scripts/next-server.ts). Development keeps `next dev` for hot reload.
  const args = dev
    ? [NEXT_BIN, "dev", "-p", String(port), ...(hostname ? ["-H", hostname] : [])]
    : [SERVER_HEAP_FLAG, "--import", "tsx", path.join(ROOT, "scripts/next-server.ts")];
  say(dev ? `next ${args.slice(1).join(" ")}` : `next-server on ${hostname ?? "0.0.0.0"}:${port}`);
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...env,
      ...SERVER_MALLOC_ENV,
      PORT: String(port),
      HOSTNAME: hostname ?? "",
      NODE_ENV: dev ? "development" : "production",
    },
    stdio: "inherit",
  });

  let shuttingDown = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (shuttingDown) {
      child.kill("SIGKILL");
      return;
    }
    shuttingDown = true;
    say(`${signal}: stopping / 正在停止 …`);
    child.kill(signal);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  process.on("SIGHUP", onSignal);

  child.on("exit", (code, signal) => {
    void stopDb().then(() => {
      if (!shuttingDown) say(`next exited (${signal ?? code})`);
      process.exit(shuttingDown ? 0 : (code ?? 1));
    });
  });

  const probeHost =
    !hostname || hostname === "0.0.0.0" || hostname === "::" ? "127.0.0.1" : hostname;
  const ready = await waitUntilReady(
    `http://${probeHost.includes(":") ? `[${probeHost}]` : probeHost}:${port}/api/ready`,
    child,
    180_000,
  );
  if (child.exitCode !== null || shuttingDown) return;
  const shownHost =
    !hostname || hostname === "0.0.0.0" || hostname === "127.0.0.1" ? "localhost" : hostname;
  if (ready) banner(`http://${shownHost}:${port}`, demo, env);
  else
    say(
      `server did not report ready at /api/ready yet — check the log above / 服务尚未就绪，请查看上方日志`,
    );
}

main().catch((e: unknown) => {
  console.error(
    `[kuaiji] 启动失败 / failed to start: ${e instanceof Error ? e.message : String(e)}`,
  );
  if (e instanceof Error && e.cause) console.error(e.cause);
  process.exit(1);
});
