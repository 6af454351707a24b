import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import pino from "pino";
import * as z from "zod/mini";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { register, sendRegisterCode } from "@/app/[locale]/(auth)/register/actions";
import { GET } from "@/app/api/metrics/route";
import { publicAction } from "@/lib/auth/action-client";
import { db } from "@/lib/db/client";
import { startJobWorker } from "@/lib/jobs/worker";
import { observeRequest } from "@/lib/metrics/http";
import { routeMatcher } from "@/lib/metrics/route-pattern";
import { scrape } from "@/lib/metrics/scrape";
import {
  randomPhone,
  randomResidentId,
  solvedCaptcha,
  STRONG_PASSWORD,
} from "../../support/accounts";

// /api/metrics end to end: real actions through guarded(), real HTTP requests through the Node
// server's observer, Prisma's pool and a pg-boss worker's queues, read back from the exposition
// text. Labels must name routes, actions and queues — never an id, a number or a phone.

vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": "198.51.100.77" }),
}));

const TOKEN = "metrics-test-token-0123456789";
const UUID_RE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** The sample's value, or undefined when the exposition has no such series. */
function sample(body: string, name: string, labels: Record<string, string>): number | undefined {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of body.split("\n")) {
    const m = /^([a-z_:]+)\{(.*)\} (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = m[2]!.split(",");
    if (want.every((w) => have.includes(w))) return Number(m[3]);
  }
  return undefined;
}

/** Every label value in the exposition. */
function labelValues(body: string): string[] {
  return [...body.matchAll(/[a-z_]+="([^"]*)"/g)].map((m) => m[1]!);
}

describe("metrics exposition", () => {
  const phone = randomPhone();
  const idNumber = randomResidentId();
  let server: Server;
  let base = "";

  beforeAll(async () => {
    const routeOf = routeMatcher(["/", "/notices/[id]", "/console/people/[personId]"]);
    server = createServer((req, res) => {
      observeRequest(req, res, routeOf);
      res.statusCode = req.url?.startsWith("/console") ? 303 : req.url === "/" ? 200 : 404;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("counts actions by name and outcome, requests by route pattern, without personal data", async () => {
    const before = await scrape(async () => null);
    const count = (body: string, action: string, outcome: string) =>
      sample(body, "kuaiji_action_outcomes_total", { action, outcome }) ?? 0;

    // ok: a code sent; refused: a wrong captcha, and a registration with a wrong SMS code
    expect((await sendRegisterCode({ phone, ...(await solvedCaptcha(db)) })).ok).toBe(true);
    const wrongCaptcha = {
      phone,
      captchaId: (await solvedCaptcha(db)).captchaId,
      captchaAnswer: "nope",
    };
    expect((await sendRegisterCode(wrongCaptcha)).ok).toBe(false);
    const registration = await register({
      name: "张三",
      idType: "RESIDENT_ID",
      idNumber,
      phone,
      smsCode: "000000",
      password: STRONG_PASSWORD,
      confirmPassword: STRONG_PASSWORD,
    });
    expect(registration.ok).toBe(false);
    // failed: an unexpected error inside the handler
    const failing = publicAction("metricsTestFailing", z.object({}), async () => {
      throw new Error(`query failed for ${idNumber}`);
    });
    expect((await failing({})).ok).toBe(false);

    const uuid = randomUUID();
    for (const path of [
      `/console/people/${uuid}`,
      `/console/people/${idNumber}?phone=${phone}`,
      "/notices/12345",
      "/",
      `/wp-login.php?u=${phone}`,
    ])
      await (await fetch(base + path)).arrayBuffer();

    const { body } = await scrape(async () => null);
    expect(
      count(body, "sendRegisterCode", "ok") - count(before.body, "sendRegisterCode", "ok"),
    ).toBe(1);
    expect(
      count(body, "sendRegisterCode", "refused") -
        count(before.body, "sendRegisterCode", "refused"),
    ).toBe(1);
    expect(count(body, "register", "refused") - count(before.body, "register", "refused")).toBe(1);
    expect(count(body, "metricsTestFailing", "failed")).toBe(1);

    const requests = (route: string, status: string) =>
      sample(body, "kuaiji_http_requests_total", { route, method: "GET", status });
    expect(requests("/console/people/[personId]", "3xx")).toBe(2);
    expect(requests("/notices/[id]", "4xx")).toBe(1);
    expect(requests("/", "2xx")).toBe(1);
    expect(requests("(unmatched)", "4xx")).toBe(1);
    expect(
      sample(body, "kuaiji_http_request_duration_seconds_count", {
        route: "/console/people/[personId]",
        method: "GET",
        status: "3xx",
      }),
    ).toBe(2);

    for (const value of labelValues(body)) {
      expect(value).not.toMatch(UUID_RE);
      expect(value).not.toMatch(/\d{5,}/); // no id numbers, phones or row ids
    }
    expect(body).not.toContain(idNumber);
    expect(body).not.toContain(phone);
    expect(body).not.toContain(uuid);
  });

  it("reads Prisma's pool and a worker's queues on scrape, plus the process metrics", async () => {
    await db.$queryRaw`SELECT 1`;
    const schema = `pgboss_metrics_${randomBytes(4).toString("hex")}`;
    const worker = await startJobWorker({
      connectionString: inject("databaseUrl"),
      db,
      log: pino({ level: "silent" }),
      jobs: [
        {
          name: "metrics-test-job",
          schedule: "0 0 1 1 *",
          handler: async () => ({ processed: 0 }),
        },
      ],
      schema,
      schedule: false,
    });
    try {
      const { body, contentType } = await scrape(() => worker.queueSizes());
      expect(contentType).toMatch(/^text\/plain/);
      expect(sample(body, "kuaiji_db_pool_connections", { state: "total" })).toBeGreaterThanOrEqual(
        1,
      );
      expect(sample(body, "kuaiji_db_pool_connections", { state: "waiting" })).toBe(0);
      for (const state of ["queued", "active", "failed"])
        expect(sample(body, "kuaiji_job_queue_jobs", { queue: "metrics-test-job", state })).toBe(0);
      expect(body).toMatch(/^process_resident_memory_bytes \d+/m);
      expect(body).toContain("nodejs_eventloop_lag_seconds");
    } finally {
      await worker.stop();
      await db.$executeRawUnsafe(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    }
  });

  it("does not wait for a job queue that does not answer", async () => {
    const errors = (body: string) =>
      Number(/^kuaiji_job_queue_scrape_errors_total (\S+)$/m.exec(body)?.[1] ?? 0);
    const before = errors((await scrape(async () => null)).body);
    const started = Date.now();
    const { body } = await scrape(() => new Promise(() => {}), 100);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(errors(body)).toBe(before + 1);
  });
});

describe("GET /api/metrics", () => {
  const call = (authorization?: string) =>
    GET(
      new Request("http://localhost/api/metrics", {
        headers: authorization ? { authorization } : {},
      }),
    );

  afterAll(() => {
    delete process.env.KUAIJI_METRICS_TOKEN;
  });

  it("does not exist without a token (or with a guessable one)", async () => {
    delete process.env.KUAIJI_METRICS_TOKEN;
    expect((await call(`Bearer ${TOKEN}`)).status).toBe(404);
    process.env.KUAIJI_METRICS_TOKEN = "short";
    expect((await call("Bearer short")).status).toBe(404);
  });

  it("refuses a wrong or missing token, serves the right one, never cached", async () => {
    process.env.KUAIJI_METRICS_TOKEN = TOKEN;
    const wrong = await call(`Bearer ${TOKEN}-wrong`);
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toContain("kuaiji_");
    expect((await call()).status).toBe(401);
    const ok = await call(`Bearer ${TOKEN}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("cache-control")).toBe("no-store");
    expect(ok.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await ok.text()).toContain("kuaiji_http_requests_total");
  });
});
