// The national exchange and two provincial platforms as real processes on loopback (issue 10,
// "Done means": the hub, 广东 (440000 without 深圳) and 深圳 (440300)), each a tests/system/node.ts
// process with its own database, object store, SMS outbox and keys, configured the way
// scripts/demo/instances.ts configures `npm run demo:transfer`. Used by tests/system/*.test.ts and
// by `npm run bench -- --only transfer`.
//
// Databases: an embedded PGlite per instance in its data directory (so the hub can stop and start
// again on the same data), or with TEST_DATABASE_URL a fresh PostgreSQL database per instance,
// dropped at the end. Ports: whatever the system hands out (never the demo's 3000–3002 or its
// database ports); the hub keeps its port across a restart, since the platforms are configured
// with its address.
import { fork, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, mkdirSync, openSync, readFileSync } from "node:fs";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDb } from "@/lib/db/client";
import { startEmbeddedDb } from "@/lib/db/embedded";
import { seedHolidays } from "@/lib/workdays/holiday-service";
import { applyMigrations } from "../../scripts/db/migrations";
import { startTestDatabase, testSecrets, type TestDatabase } from "../support/test-db";
import type { NodeCommand, NodeCommands, NodeReady, NodeReply, NodeRequest } from "./node";

export const GD = "440000";
export const SZ = "440300";

/** The jobs `npm run jobs -- --demo` runs for a transfer (README, 跨省调转). */
export const TRANSFER_JOBS = [
  "exchange-outbox",
  "transfer-review-out",
  "transfer-review-in",
  "transfer-import-in",
];

const ROOT = path.resolve(import.meta.dirname, "../..");
const NODE_ENTRY = path.join(import.meta.dirname, "node.ts");
/** Opening its database and loading the services takes a few seconds; on 2 busy cores, more. */
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 15_000;

type Result<C extends NodeCommand> = Awaited<ReturnType<NodeCommands[C]>>;

/** The parent's environment without what would make a child another instance or a test worker. */
function baseEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of Object.keys(env)) {
    if (
      /^(VITEST|TEST_DATABASE_URL$|DATABASE_URL$|EXCHANGE_|KUAIJI_|SMS_|NODE_OPTIONS$)/.test(name)
    )
      delete env[name];
  }
  return env;
}

/** A free loopback port, for the hub: it must come back on the same one after a stop. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== "object" || !address) throw new Error("no port");
  return address.port;
}

export class Instance {
  private child: ChildProcess | undefined;
  private nextId = 1;
  private readonly waiting = new Map<
    number,
    { resolve(v: unknown): void; reject(e: Error): void }
  >();
  port: number;

  constructor(
    readonly key: "hub" | "guangdong" | "shenzhen",
    private readonly env: NodeJS.ProcessEnv,
    private readonly logFile: string,
    port = 0,
  ) {
    this.port = port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== undefined;
  }

  /** Forks the instance (on its last port, if it had one) and waits until it serves. */
  async start(): Promise<void> {
    if (this.child) throw new Error(`${this.key} is running`);
    const log = openSync(this.logFile, "a");
    const child = fork(NODE_ENTRY, [], {
      cwd: ROOT,
      env: { ...this.env, PORT: String(this.port) },
      execArgv: ["--import", "./scripts/server-only/register.mjs", "--import", "tsx"],
      serialization: "advanced",
      stdio: ["ignore", log, log, "ipc"],
    });
    closeSync(log);
    this.child = child;
    child.on("message", (message: NodeReply | NodeReady) => {
      if ("ready" in message) return;
      const waiter = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      if (message.ok) waiter?.resolve(message.value);
      else waiter?.reject(new Error(`${this.key}: ${message.error}`));
    });
    child.on("exit", (code, signal) => {
      if (this.child === child) this.child = undefined;
      const error = new Error(`${this.key} exited (${signal ?? code})\n${this.logTail()}`);
      for (const waiter of this.waiting.values()) waiter.reject(error);
      this.waiting.clear();
    });
    this.port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        reject(new Error(`${this.key} did not start in time\n${this.logTail()}`));
      }, START_TIMEOUT_MS);
      child.on("message", (message: NodeReply | NodeReady) => {
        if (!("ready" in message)) return;
        clearTimeout(timer);
        resolve(message.port);
      });
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`${this.key} failed to start (${code})\n${this.logTail()}`));
      });
    });
  }

  /** Runs one of node.ts's commands in the instance's process. */
  call<C extends NodeCommand>(
    command: C,
    ...args: Parameters<NodeCommands[C]>
  ): Promise<Result<C>> {
    const child = this.child;
    if (!child) return Promise.reject(new Error(`${this.key} is not running`));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ id, command, args } satisfies NodeRequest);
    });
  }

  /** Stops it as an operator would (SIGTERM: connections closed, database closed), or kills it. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }

  private logTail(): string {
    try {
      return readFileSync(this.logFile, "utf8").split("\n").slice(-40).join("\n");
    } catch {
      return "";
    }
  }
}

export interface PumpOptions {
  /**
   * The time the jobs run as of (`npm run jobs -- --at`). By default the clock at each run, so
   * what an instance sent during the pump is due in the next round.
   */
  at?: Date;
  only?: string[];
}

export interface Cluster {
  /** The instances' data directories and logs (`<key>.log`), removed by close(). */
  root: string;
  hub: Instance;
  gd: Instance;
  sz: Instance;
  /**
   * Runs the jobs on every running instance, round after round, until a round finds nothing
   * to do: what one instance sends, the others act on. Returns the rounds that did work.
   */
  pump(options?: PumpOptions): Promise<number>;
  /** Stops every instance and removes their data. */
  close(): Promise<void>;
}

const MAX_ROUNDS = 10;

/**
 * A migrated embedded database with the holiday table seeded, made once and copied for each
 * instance: creating a PGlite data directory costs seconds of CPU, opening a copy well under one.
 */
async function pgliteTemplate(dir: string): Promise<string> {
  const embedded = await startEmbeddedDb({ dataDir: dir, port: 0, maxConnections: 2 });
  try {
    await applyMigrations(embedded.url);
    const db = createDb(embedded.url);
    await seedHolidays(db);
    await db.$disconnect();
  } finally {
    await embedded.stop();
  }
  return dir;
}

export async function startCluster(): Promise<Cluster> {
  const root = await mkdtemp(path.join(tmpdir(), "kuaiji-system-"));
  const databases: TestDatabase[] = [];
  const instances: Instance[] = [];
  const close = async () => {
    await Promise.all(instances.map((i) => i.stop()));
    await Promise.all(databases.map((d) => d.stop()));
    await rm(root, { recursive: true, force: true });
  };
  try {
    const hubPort = await freePort();
    const template = process.env.TEST_DATABASE_URL
      ? null
      : await pgliteTemplate(path.join(root, "template", "pglite"));
    const secrets: Record<string, string> = {
      [GD]: randomBytes(32).toString("base64url"),
      [SZ]: randomBytes(32).toString("base64url"),
    };

    const make = async (
      key: Instance["key"],
      own: Record<string, string>,
      port = 0,
    ): Promise<Instance> => {
      const dataDir = path.join(root, key);
      mkdirSync(dataDir, { recursive: true });
      const env: NodeJS.ProcessEnv = {
        ...baseEnv(),
        ...testSecrets(),
        KUAIJI_DATA_DIR: dataDir,
        SMS_DRIVER: "outbox",
        SMS_OUTBOX_FILE: path.join(dataDir, "sms-outbox.jsonl"),
        CAPTCHA_TEST_ANSWER: "test",
        KUAIJI_ALLOW_TEST_SWITCHES: "1",
        // A person verifying twice in a scenario waits a second, not the default minute.
        KUAIJI_SMS_RESEND_SECONDS: "1",
        DATABASE_POOL_SIZE: "5",
        LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
        ...own,
      };
      if (template) {
        await cp(template, path.join(dataDir, "pglite"), { recursive: true });
      } else {
        const database = await startTestDatabase(process.env);
        databases.push(database);
        env.DATABASE_URL = database.url;
      }
      const instance = new Instance(key, env, path.join(root, `${key}.log`), port);
      instances.push(instance);
      return instance;
    };
    const platform = (member: string): Record<string, string> => ({
      KUAIJI_ROLE: "platform",
      KUAIJI_JURISDICTION_CODE: member,
      EXCHANGE_MEMBER_CODE: member,
      EXCHANGE_HUB_URL: `http://127.0.0.1:${hubPort}`,
      EXCHANGE_MEMBER_SECRET: secrets[member]!,
    });

    const hub = await make("hub", { KUAIJI_ROLE: "hub" }, hubPort);
    const gd = await make("guangdong", platform(GD));
    const sz = await make("shenzhen", {
      ...platform(SZ),
      KUAIJI_JURISDICTION_EXCLUDE: "",
      KUAIJI_HOST_ORGANISATION: "深圳市财政局",
    });
    await Promise.all(instances.map((i) => i.start()));
    await hub.call(
      "addMembers",
      [gd, sz].map((p) => ({
        code: p === gd ? GD : SZ,
        baseUrl: p.url,
        secret: secrets[p === gd ? GD : SZ]!,
      })),
    );

    const pump = async (options: PumpOptions = {}): Promise<number> => {
      const only = options.only ?? TRANSFER_JOBS;
      for (let round = 0; round < MAX_ROUNDS; round++) {
        let processed = 0;
        for (const instance of [gd, sz, hub].filter((i) => i.running)) {
          for (const run of await instance.call("runJobs", options.at ?? new Date(), only)) {
            if (!run.ok) throw new Error(`${instance.key} ${run.job}: ${run.error}`);
            processed += run.processed;
          }
        }
        if (processed === 0) return round;
      }
      throw new Error(`the jobs still found work after ${MAX_ROUNDS} rounds`);
    };

    return { root, hub, gd, sz, pump, close };
  } catch (error) {
    await close();
    throw error;
  }
}
