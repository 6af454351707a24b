// One instance of the platform — the hub, 广东 or 深圳 — as its own process, for the system tests
// (tests/system/cluster.ts forks it). Instances read who they are from process.env (role,
// jurisdiction, member secret), so each needs a process of its own; this is that process.
//
// It does what `npm start` does for the exchange and nothing more: opens its own database (an
// embedded PGlite under KUAIJI_DATA_DIR, or DATABASE_URL on PostgreSQL), applies the migrations,
// seeds the holiday table, and serves the real route handlers of app/api/exchange/v1 on a
// loopback port with node:http. The parent drives it over the IPC channel: each command calls
// the real domain services in this process (applying, reviewing, withdrawing, the public 省外调入
// steps, the job registry) and answers what they answered, or reads rows for the assertions.
//
// Started with the loaders the package scripts use:
//   node --import ./scripts/server-only/register.mjs --import tsx tests/system/node.ts
// Next.js's server loads this before anything else: next/server's after() and the request scope
// below read AsyncLocalStorage from globalThis.
import { STAFF_ROLES, type StaffActor } from "@/lib/codes/staff-roles";
import "next/dist/server/node-environment-baseline.js";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import { createCaptcha } from "@/lib/account/captcha-service";
import { personCreateData } from "@/lib/account/register-service";
import type { SessionPerson } from "@/lib/account/session-service";
import { sendSmsCode } from "@/lib/account/sms-code-service";
import { submitCollection } from "@/lib/collection/archive-service";
import { hashPassword } from "@/lib/crypto/password-hash";
import { db } from "@/lib/db/client";
import { startEmbeddedDb, type EmbeddedDb } from "@/lib/db/embedded";
import { callHub, describeFailure } from "@/lib/exchange/client";
import { addMember } from "@/lib/exchange/hub-members";
import { HUB_PATHS, lookupAnswerSchema } from "@/lib/exchange/messages";
import { JOBS } from "@/lib/jobs/registry";
import { runJobs, selectJobs } from "@/lib/jobs/run";
import { logger } from "@/lib/log/logger";
import { validateDocumentNumber } from "@/lib/identity/document-number";
import { editLocks } from "@/lib/person/locks";
import { localDiskStorageFromEnv } from "@/lib/storage/local-disk";
import { getStorage } from "@/lib/storage/storage";
import { exchangeConfigured } from "@/lib/transfer/file-registry";
import { hubExchange } from "@/lib/transfer/hub-exchange";
import { confirmTransferIn } from "@/lib/transfer/in-confirm";
import { reviewTransferIn } from "@/lib/transfer/in-review";
import { verifyTransferIn } from "@/lib/transfer/in-verify";
import { applyForTransferOut } from "@/lib/transfer/out-apply";
import { reviewTransferOut } from "@/lib/transfer/out-review";
import { withdrawTransferOut } from "@/lib/transfer/out-withdraw";
import { storeUpload } from "@/lib/upload/attachment-service";
import { holidayCalendar, seedHolidaysOnStart } from "@/lib/workdays/holiday-service";
import { workAsyncStorage } from "next/dist/server/app-render/work-async-storage.external.js";
import { workUnitAsyncStorage } from "next/dist/server/app-render/work-unit-async-storage.external.js";
import * as fileLookupRoute from "@/app/api/exchange/v1/files/lookup/route";
import * as filesRoute from "@/app/api/exchange/v1/files/route";
import * as notificationsRoute from "@/app/api/exchange/v1/notifications/route";
import * as eventsRoute from "@/app/api/exchange/v1/transfers/[id]/events/route";
import * as fileRoute from "@/app/api/exchange/v1/transfers/[id]/file/route";
import * as transferRoute from "@/app/api/exchange/v1/transfers/[id]/route";
import * as lookupRoute from "@/app/api/exchange/v1/transfers/lookup/route";
import * as transfersRoute from "@/app/api/exchange/v1/transfers/route";
import { applyMigrations } from "../../scripts/db/migrations";
import { documentPageJpeg } from "../fixtures/images/make";
import {
  latestCodeFor,
  messagesTo,
  randomPhone,
  randomResidentId,
  STRONG_PASSWORD,
} from "../support/accounts";
import { saveAll, sessionOf, uploadPersonalFiles, validSteps } from "../support/collection";

/** A route handler; each declares its own params ({} or { id }), hence `never` here. */
type Handler = (request: Request, context: { params: Promise<never> }) => Promise<Response>;

/** The exchange's routes as Next.js's file router maps them (lookup before the [id] segment). */
const ROUTES: { method: string; pattern: RegExp; handler: Handler }[] = [
  { method: "POST", pattern: /^\/api\/exchange\/v1\/transfers$/, handler: transfersRoute.POST },
  {
    method: "POST",
    pattern: /^\/api\/exchange\/v1\/transfers\/lookup$/,
    handler: lookupRoute.POST,
  },
  {
    method: "GET",
    pattern: /^\/api\/exchange\/v1\/transfers\/([^/]+)$/,
    handler: transferRoute.GET,
  },
  {
    method: "POST",
    pattern: /^\/api\/exchange\/v1\/transfers\/([^/]+)\/events$/,
    handler: eventsRoute.POST,
  },
  {
    method: "GET",
    pattern: /^\/api\/exchange\/v1\/transfers\/([^/]+)\/file$/,
    handler: fileRoute.GET,
  },
  { method: "PUT", pattern: /^\/api\/exchange\/v1\/files$/, handler: filesRoute.PUT },
  {
    method: "POST",
    pattern: /^\/api\/exchange\/v1\/files\/lookup$/,
    handler: fileLookupRoute.POST,
  },
  {
    method: "POST",
    pattern: /^\/api\/exchange\/v1\/notifications$/,
    handler: notificationsRoute.POST,
  },
];

/**
 * Work a route handed to next/server's `after()`: Next.js runs it once the response is sent, so
 * does this server. Kept so `settle` can wait for it (the SMS, a received file's import) before
 * the parent asserts.
 */
const pendingAfter = new Set<Promise<unknown>>();

/**
 * The request scope Next.js gives a route handler, reduced to what `after()` reads: its
 * afterContext. Tasks are collected while the handler runs and started after the answer is
 * written, as Next.js does.
 */
function requestScope() {
  const queued: (() => unknown)[] = [];
  const store = {
    afterContext: {
      after(task: unknown) {
        queued.push(typeof task === "function" ? (task as () => unknown) : () => task);
      },
    },
  };
  return {
    run<T>(fn: () => Promise<T>): Promise<T> {
      return workAsyncStorage.run(store as never, () =>
        workUnitAsyncStorage.run({ type: "request" } as never, fn),
      );
    },
    flush() {
      for (const task of queued.splice(0)) {
        const p = Promise.resolve()
          .then(task)
          .catch((error: unknown) => logger.error({ err: error }, "after() task failed"));
        pendingAfter.add(p);
        void p.finally(() => pendingAfter.delete(p));
      }
    },
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "127.0.0.1"}`);
  const route = ROUTES.find((r) => r.method === req.method && r.pattern.test(url.pathname));
  if (!route) {
    res.writeHead(404, { "Content-Type": "application/json" });
    res.end(JSON.stringify({ error: { code: "not_found", message: "Not found" } }));
    return;
  }
  const id = route.pattern.exec(url.pathname)?.[1];
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const body =
    req.method === "GET" || req.method === "HEAD" ? undefined : new Uint8Array(await readBody(req));
  const request = new Request(url, { method: req.method, headers, body });
  const scope = requestScope();
  const response = await scope.run(() =>
    route.handler(request, {
      params: Promise.resolve({ id: decodeURIComponent(id ?? "") }) as Promise<never>,
    }),
  );
  const bytes = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(bytes, () => scope.flush());
}

async function settle(): Promise<void> {
  while (pendingAfter.size > 0) await Promise.allSettled([...pendingAfter]);
}

const ctx = { ip: "203.0.113.30", userAgent: "system-test" };

/** A distinct client address per SMS request, so the per-IP sending limit never decides a test. */
let addressCount = 0;
function nextAddress(): string {
  addressCount++;
  return `10.${(addressCount >> 16) & 255}.${(addressCount >> 8) & 255}.${addressCount & 255}`;
}

export interface CollectedPerson {
  session: SessionPerson;
  idNumber: string;
  name: string;
  phone: string;
}

export interface TransferInInput {
  name: string;
  idNumber: string;
  phone: string;
  regionCode: string;
  password: string;
}

/** Finance staff of the given regions (lib/region/scope.ts), as the console hands them in. */
function staff(regionCodes: string[]): StaffActor {
  return {
    staffId: `system-test-staff-${regionCodes.join("-")}`,
    regionCodes,
    roles: STAFF_ROLES.codes,
  };
}

/**
 * The password hash of every account collectedPerson makes, computed once: argon2id is built to
 * be slow, and the accounts' password plays no part in a transfer (the bench makes 1,000).
 */
let passwordHash: Promise<string> | undefined;
function accountPasswordHash(): Promise<string> {
  passwordHash ??= hashPassword(STRONG_PASSWORD);
  return passwordHash;
}

const READS = ["findMany", "findFirst", "findUnique", "count"] as const;

const commands = {
  /** An account whose 信息采集 is submitted (archive version 1), in 广州市天河区. */
  async collectedPerson(): Promise<CollectedPerson> {
    // The store getStorage() picks in this process (local disk under KUAIJI_DATA_DIR), typed as
    // the collection helpers want it.
    const storage = localDiskStorageFromEnv();
    const idNumber = randomResidentId();
    const doc = validateDocumentNumber("RESIDENT_ID", idNumber, new Date());
    if (!doc.ok) throw new Error(doc.message);
    const row = await db.person.create({
      data: personCreateData(
        { name: "陈静", idType: "RESIDENT_ID", phone: randomPhone() },
        idNumber,
        doc,
        await accountPasswordHash(),
        "440000",
      ),
    });
    const s = sessionOf(row);
    await saveAll(db, s, validSteps(await uploadPersonalFiles(db, storage, s)));
    // As the wizard's action submits: the exchange learns where the file is (file.register).
    const r = await submitCollection(db, ctx, s, new Date(), exchangeConfigured());
    if (!r.ok) throw new Error(`collection not submitted: ${JSON.stringify(r)}`);
    // The session's region follows the archive's (天河区), as after a fresh login.
    const collected = await db.person.findUniqueOrThrow({ where: { id: row.id } });
    return {
      session: { ...s, regionCode: collected.regionCode },
      idNumber,
      name: row.name,
      phone: row.phone,
    };
  },

  /** 申请调出 with one 调转附件, as the form's action does. */
  async applyOut(session: SessionPerson, destMember: string, destRegionCode: string) {
    const proof = await storeUpload(db, getStorage(), ctx, session, {
      kind: "transfer-proof",
      bytes: await documentPageJpeg(),
    });
    if (!proof.ok) throw new Error(proof.message);
    return applyForTransferOut(
      db,
      ctx,
      session,
      {
        destMember,
        destRegionCode,
        reason: "工作调动",
        attachmentIds: [proof.attachmentId],
      },
      await holidayCalendar(db),
    );
  },

  /** 调出审核 by staff of the given regions. */
  reviewOut(id: string, regionCodes: string[], decision: "approve" | "reject", reason: string) {
    return reviewTransferOut(
      db,
      getStorage(),
      ctx,
      { type: "staff", scope: staff(regionCodes) },
      id,
      {
        decision,
        reason,
      },
    );
  },

  withdrawOut(session: SessionPerson, id: string) {
    return withdrawTransferOut(db, ctx, session, id);
  },

  /** 省外调入 steps 1 and 2 on the public page: captcha, SMS code (from the outbox), confirm. */
  async transferIn(input: TransferInInput) {
    const requestCode = async () =>
      sendSmsCode(
        db,
        { ...ctx, ip: nextAddress() },
        {
          phone: input.phone,
          purpose: "transfer-in",
          captchaId: (await createCaptcha(db)).id,
          captchaAnswer: process.env.CAPTCHA_TEST_ANSWER ?? "",
        },
      );
    let sent = await requestCode();
    if (!sent.ok && sent.reason === "cooldown") {
      // The page's countdown: the person asks again once it has run out.
      const seconds = sent.retryAfterSeconds ?? 1;
      await new Promise((r) => setTimeout(r, seconds * 1000));
      sent = await requestCode();
    }
    if (!sent.ok) return { step: "sms" as const, result: sent };
    const verified = await verifyTransferIn(
      db,
      ctx,
      {
        name: input.name,
        idType: "RESIDENT_ID",
        idNumber: input.idNumber,
        phone: input.phone,
        smsCode: latestCodeFor(input.phone) ?? "",
        regionCode: input.regionCode,
      },
      hubExchange(),
    );
    if (!verified.ok) return { step: "verify" as const, result: verified };
    const confirmed = await confirmTransferIn(
      db,
      ctx,
      {
        ticket: verified.preview.ticket,
        needsPassword: verified.preview.needsPassword ? "yes" : "no",
        idNumber: input.idNumber,
        phone: input.phone,
        password: input.password,
        confirmPassword: input.password,
      },
      hubExchange(),
      await holidayCalendar(db),
    );
    return { step: "confirm" as const, preview: verified.preview, result: confirmed };
  },

  /** 调入审核 by staff of the given regions. */
  reviewIn(id: string, regionCodes: string[], decision: "approve" | "reject", reason: string) {
    return reviewTransferIn(db, ctx, { type: "staff", scope: staff(regionCodes) }, id, {
      decision,
      reason,
    });
  },

  /** `npm run jobs -- --at <at> --only <only>`: the registry's jobs, then their after-effects. */
  async runJobs(at: Date, only: string[]) {
    const selected = selectJobs(JOBS, only);
    if (!selected.ok) throw new Error(`unknown jobs: ${selected.unknown.join(", ")}`);
    const runs = await runJobs(selected.jobs, db, at, logger);
    await settle();
    return runs.map((r) =>
      r.ok
        ? { job: r.job, ok: true as const, processed: r.processed }
        : { job: r.job, ok: false as const, error: String(r.error) },
    );
  },

  settle,

  /** Registers (the hub) the platforms with their addresses and secrets, like `member add`. */
  async addMembers(members: { code: string; baseUrl: string; secret: string }[]) {
    for (const m of members) {
      const r = await addMember(db, m);
      if (!r.ok) throw new Error(r.message);
    }
  },

  /** A read for the assertions: `db[model][method](args)`, reads only. */
  read(model: string, method: (typeof READS)[number], args: unknown = {}): Promise<unknown> {
    if (!READS.includes(method)) throw new Error(`not a read: ${method}`);
    const delegate = (db as unknown as Record<string, Record<string, (a: unknown) => unknown>>)[
      model
    ];
    if (!delegate?.[method]) throw new Error(`no model ${model}`);
    return Promise.resolve(delegate[method](args));
  },

  /**
   * A raw statement, for what the tests do to the data on purpose (making a delivered message due
   * again, as a deliverer whose answer was lost would find it).
   */
  execute(sql: string, ...params: unknown[]): Promise<number> {
    return db.$executeRawUnsafe(sql, ...params);
  },

  locks(personId: string) {
    return editLocks(db, personId);
  },

  /**
   * A platform's bare signed round trip to the hub, `count` times one after another: the lookup
   * of a person nobody transfers (signature and nonce checked, one indexed read), in ms each.
   */
  async signedRoundTrips(count: number): Promise<number[]> {
    const latencies: number[] = [];
    for (let i = 0; i < count; i++) {
      const t = performance.now();
      const r = await callHub(
        HUB_PATHS.lookup,
        "POST",
        { name: "往返测试", idNumber: `round-trip-${i}` },
        lookupAnswerSchema,
      );
      if (!r.ok) throw new Error(describeFailure(r));
      latencies.push(performance.now() - t);
    }
    return latencies;
  },

  /** Every SMS text this instance sent to the phone, oldest first (its outbox file). */
  sms(phone: string): string[] {
    return messagesTo(phone);
  },
};

export type NodeCommands = typeof commands;
export type NodeCommand = keyof NodeCommands;

export type NodeRequest = { id: number; command: NodeCommand; args: unknown[] };
export type NodeReply =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };
export type NodeReady = { ready: true; port: number };

async function main(): Promise<void> {
  const send = (message: NodeReply | NodeReady) => process.send?.(message);
  let embedded: EmbeddedDb | undefined;
  if (!process.env.DATABASE_URL) {
    embedded = await startEmbeddedDb({
      dataDir: path.join(process.env.KUAIJI_DATA_DIR!, "pglite"),
      port: 0,
      maxConnections: 10,
    });
    process.env.DATABASE_URL = embedded.url;
  }
  await applyMigrations(process.env.DATABASE_URL);
  await seedHolidaysOnStart(db);

  const server = createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      logger.error({ err: error }, "system-test server failed a request");
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) =>
    server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", resolve),
  );

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await settle();
    await db.$disconnect();
    await embedded?.stop();
    process.exit(0);
  };
  // The parent's SIGTERM, or its end: an orphaned instance never outlives the test run.
  process.on("SIGTERM", () => void stop());
  process.on("disconnect", () => void stop());

  process.on("message", (message: NodeRequest) => {
    const command = commands[message.command] as (...args: unknown[]) => unknown;
    Promise.resolve()
      .then(() => command(...message.args))
      .then(
        (value) => send({ id: message.id, ok: true, value }),
        (error: unknown) =>
          send({
            id: message.id,
            ok: false,
            error: error instanceof Error ? (error.stack ?? error.message) : String(error),
          }),
      );
  });
  const address = server.address();
  send({ ready: true, port: typeof address === "object" && address ? address.port : 0 });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
