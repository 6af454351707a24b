// Database-backed figures for the account foundation: login, the per-request session check,
// and the SMS-code send path, against one database (PGlite or PostgreSQL) via the app's own
// services and Prisma client.
import type { Db } from "@/lib/db/client";
import type { RequestContext } from "@/lib/audit/audit";
import { authenticate } from "@/lib/account/login-service";
import { checkSession } from "@/lib/account/session-service";
import { createCaptcha } from "@/lib/account/captcha-service";
import { sendSmsCode } from "@/lib/account/sms-code-service";
import { personCreateData } from "@/lib/account/register-service";
import { hashPassword } from "@/lib/crypto/password-hash";
import { validateDocumentNumber } from "@/lib/identity/document-number";
import { randomPhone, randomResidentId } from "../../tests/support/accounts";
import { percentile, perSecond, rssMiB, runConcurrent, type Sample } from "./measure";
import type { Figure } from "./report";

export const ACCOUNTS = 200;
export const PASSWORD = "Acc0unt!ng-bench";
const LOGINS_SEQUENTIAL = 40;
const LOGINS_CONCURRENT = 120;
const SESSION_CHECKS = 3000;
const SMS_SENDS = 200;
const SMS_WARMUP = 5;
const CONCURRENCY = 8;

type PersonData = ReturnType<typeof personCreateData>;
export interface SeedAccount {
  idNumber: string;
  data: PersonData;
}

const DISTINCT_HASHES = 8;

/**
 * The accounts every database run inserts, built once: encrypted/indexed ID number, unique
 * phone, argon2id hash. A verification costs the same whatever the salt, so a few distinct
 * hashes are shared round-robin rather than spending seconds of the time budget on 200.
 */
export async function buildSeedAccounts(): Promise<SeedAccount[]> {
  const idNumbers = new Set<string>();
  const phones = new Set<string>();
  while (idNumbers.size < ACCOUNTS) idNumbers.add(randomResidentId());
  while (phones.size < ACCOUNTS) phones.add(randomPhone());
  const ph = [...phones];
  const hashes = await Promise.all(
    Array.from({ length: DISTINCT_HASHES }, () => hashPassword(PASSWORD)),
  );
  return [...idNumbers].map((idNumber, i) => {
    const doc = validateDocumentNumber("RESIDENT_ID", idNumber, new Date());
    if (!doc.ok) throw new Error(doc.message);
    const person = { name: "陈静", idType: "RESIDENT_ID" as const, phone: ph[i]! };
    const hash = hashes[i % DISTINCT_HASHES]!;
    return { idNumber, data: personCreateData(person, idNumber, doc, hash, "440000") };
  });
}

function latencyFigures(what: string, s: Sample, unit: string, ps: number[]): Figure[] {
  return [
    { label: `${what} throughput`, unit, value: perSecond(s), digits: 1 },
    { label: `${what} samples`, unit: "ops", value: s.count, digits: 0 },
    ...ps.map((p) => ({
      label: `${what} p${p}`,
      unit: "ms",
      value: percentile(s.latencies, p),
      digits: 1,
    })),
  ];
}

function ctxFor(i: number): RequestContext {
  // Distinct client addresses, so the per-IP SMS limits never refuse a send.
  return { ip: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, userAgent: "kuaiji-bench" };
}

/** Everything measured on one migrated, empty database. */
export interface DbSetup {
  /** starting PGlite, or CREATE DATABASE on the server */
  startMs: number;
  migrateMs: number;
  /** process RSS before the database was started, MiB */
  rssBefore: number;
}

export async function accountFigures(
  db: Db,
  accounts: SeedAccount[],
  setup: DbSetup,
): Promise<Figure[]> {
  const figures: Figure[] = [
    { label: "start PGlite / CREATE DATABASE", unit: "ms", value: setup.startMs, digits: 0 },
    { label: "apply migrations", unit: "ms", value: setup.migrateMs, digits: 0 },
  ];

  const t = performance.now();
  await db.person.createMany({ data: accounts.map((a) => a.data) });
  figures.push({
    label: `seed ${accounts.length} accounts (createMany)`,
    unit: "ms",
    value: performance.now() - t,
    digits: 0,
  });

  const sessions: string[] = [];
  const login = async (i: number) => {
    const a = accounts[i % accounts.length]!;
    const r = await authenticate(db, ctxFor(i), { idNumber: a.idNumber, password: PASSWORD });
    if (!r.ok) throw new Error(`login refused during the benchmark: ${r.code} ${r.message}`);
    sessions.push(r.sessionId);
  };
  await runConcurrent(1, 3, 3_000, login); // warm-up: connections, Prisma's query plans
  figures.push(
    ...latencyFigures(
      "login, concurrency 1",
      await runConcurrent(1, LOGINS_SEQUENTIAL, 4_000, login),
      "logins/s",
      [50, 95, 99],
    ),
  );
  figures.push(
    ...latencyFigures(
      `login, concurrency ${CONCURRENCY}`,
      await runConcurrent(CONCURRENCY, LOGINS_CONCURRENT, 6_000, login),
      "logins/s",
      [50, 95, 99],
    ),
  );

  const check = async (i: number) => {
    const r = await checkSession(db, ctxFor(i), sessions[i % sessions.length]!);
    if (!r.ok) throw new Error(`session check refused during the benchmark: ${r.reason}`);
  };
  await runConcurrent(CONCURRENCY, 50, 2_000, check);
  figures.push(
    ...latencyFigures(
      `checkSession, concurrency ${CONCURRENCY}`,
      await runConcurrent(CONCURRENCY, SESSION_CHECKS, 4_000, check),
      "checks/s",
      [50, 95],
    ),
  );

  const captchas: string[] = [];
  const captchaRun = await runConcurrent(CONCURRENCY, SMS_SENDS + SMS_WARMUP, 3_000, async () => {
    captchas.push((await createCaptcha(db)).id);
  });
  figures.push({
    label: `createCaptcha, concurrency ${CONCURRENCY}`,
    unit: "captchas/s",
    value: perSecond(captchaRun),
    digits: 1,
  });

  const phones = new Set<string>(accounts.map((a) => a.data.phone));
  const fresh: string[] = [];
  while (fresh.length < captchas.length) {
    const p = randomPhone();
    if (phones.has(p)) continue;
    phones.add(p);
    fresh.push(p);
  }
  const send = async (i: number) => {
    const r = await sendSmsCode(db, ctxFor(i), {
      phone: fresh[i]!,
      purpose: "register",
      captchaId: captchas[i]!,
      captchaAnswer: process.env.CAPTCHA_TEST_ANSWER ?? "",
    });
    if (!r.ok) {
      const why = `${r.reason} ${JSON.stringify(r.fieldErrors ?? {})}`;
      throw new Error(`SMS send refused during the benchmark: ${why}`);
    }
  };
  const warm = Math.min(SMS_WARMUP, captchas.length);
  const measured = captchas.length - warm;
  await runConcurrent(1, warm, 2_000, (i) => send(measured + i)); // warm-up on the spare captchas
  figures.push(
    ...latencyFigures(
      `sendSmsCode, concurrency ${CONCURRENCY}`,
      await runConcurrent(CONCURRENCY, measured, 5_000, send),
      "sends/s",
      [50, 95],
    ),
  );

  const rssEnd = rssMiB();
  figures.push(
    { label: "process RSS at end of run", unit: "MiB", value: rssEnd, digits: 0 },
    {
      label: "RSS growth since before DB start",
      unit: "MiB",
      value: rssEnd - setup.rssBefore,
      digits: 0,
    },
  );
  return figures;
}
