import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { GET } from "@/app/api/jobs/run/route";
import { JOBS } from "@/lib/jobs/registry";

// /api/jobs/run: Vercel Cron's way in (Authorization: Bearer $CRON_SECRET), on hosts without a
// worker. Nothing runs without the secret.

const SECRET = "cron-secret-for-the-test-0123456789";
const call = (headers: Record<string, string> = {}, query = "") =>
  GET(new NextRequest(`http://localhost/api/jobs/run${query}`, { headers }));

afterEach(() => {
  delete process.env.CRON_SECRET;
});

describe("/api/jobs/run", () => {
  it("does not exist while CRON_SECRET is unset", async () => {
    expect((await call({ authorization: `Bearer ${SECRET}` })).status).toBe(404);
  });

  it("refuses a call without the secret", async () => {
    process.env.CRON_SECRET = SECRET;
    expect((await call()).status).toBe(401);
    expect((await call({ authorization: "Bearer wrong-secret-wrong-secret" })).status).toBe(401);
  });

  it("runs every due job and says what each did", async () => {
    process.env.CRON_SECRET = SECRET;
    const res = await call({ authorization: `Bearer ${SECRET}` });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; runs: { job: string; ok: boolean }[] };
    expect(body.ok).toBe(true);
    expect(body.runs.map((r) => [r.job, r.ok])).toEqual(JOBS.map((j) => [j.name, true]));
  });

  it("runs only the jobs named, and refuses an unknown one", async () => {
    process.env.CRON_SECRET = SECRET;
    const auth = { authorization: `Bearer ${SECRET}` };
    const one = (await (await call(auth, "?only=prune-expired")).json()) as { runs: unknown[] };
    expect(one.runs).toHaveLength(1);
    expect((await call(auth, "?only=nope")).status).toBe(400);
  });
});
