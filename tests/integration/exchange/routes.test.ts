// The hub's route handlers called directly with a Request, signed as a member would sign it
// (client.ts through an in-process fetch): the contract end to end, and every refusal of the
// route helper (verify-route.ts) — replayed nonce, tampered body, unknown member and the rest.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { callHub, callMember, type HttpMethod } from "@/lib/exchange/client";
import {
  eventAnswerSchema,
  fileAnswerSchema,
  HUB_PATHS,
  lookupAnswerSchema,
  MEMBER_PATHS,
  okAnswerSchema,
  transferAnswerSchema,
  transferFileSchema,
} from "@/lib/exchange/messages";
import { signRequest } from "@/lib/exchange/signing";
import { verifyExchangeRequest } from "@/lib/exchange/verify-route";
import * as filesLookupRoute from "@/app/api/exchange/v1/files/lookup/route";
import * as filesRoute from "@/app/api/exchange/v1/files/route";
import * as eventsRoute from "@/app/api/exchange/v1/transfers/[id]/events/route";
import * as fileRoute from "@/app/api/exchange/v1/transfers/[id]/file/route";
import * as transferRoute from "@/app/api/exchange/v1/transfers/[id]/route";
import * as lookupRoute from "@/app/api/exchange/v1/transfers/lookup/route";
import * as transfersRoute from "@/app/api/exchange/v1/transfers/route";
import { BJ, ensureMembers, event, GD, secretOf, submission, SZ } from "./support";

const HUB = "http://hub.test";
const ID = "([0-9a-f-]{36}|[^/]+)";
type Handler = (
  request: Request,
  context: { params: Promise<{ id: string }> },
) => Promise<Response>;
const ROUTES: [RegExp, Record<string, unknown>][] = [
  [/^\/api\/exchange\/v1\/transfers$/, transfersRoute],
  [/^\/api\/exchange\/v1\/transfers\/lookup$/, lookupRoute],
  [new RegExp(`^/api/exchange/v1/transfers/${ID}$`), transferRoute],
  [new RegExp(`^/api/exchange/v1/transfers/${ID}/events$`), eventsRoute],
  [new RegExp(`^/api/exchange/v1/transfers/${ID}/file$`), fileRoute],
  [/^\/api\/exchange\/v1\/files$/, filesRoute],
  [/^\/api\/exchange\/v1\/files\/lookup$/, filesLookupRoute],
];

/** Next.js's routing, in miniature: the handler of the path and method, with its params. */
async function dispatch(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  for (const [pattern, module] of ROUTES) {
    const match = pattern.exec(pathname);
    if (!match) continue;
    const handler = module[request.method] as Handler | undefined;
    if (!handler) return new Response(null, { status: 405 });
    return handler(request, { params: Promise.resolve({ id: match[1] ?? "" }) });
  }
  return new Response(null, { status: 404 });
}

const hubFetch = (async (input: string | URL | Request, init?: RequestInit) =>
  dispatch(new Request(input, init))) as typeof fetch;

function as(member: string) {
  const config = { memberCode: member, hubUrl: HUB, secret: secretOf(member), timeoutMs: 10_000 };
  return <T>(p: string, method: HttpMethod, body: unknown, answer: import("zod").ZodType<T>) =>
    callHub(p, method, body, answer, { config, fetch: hubFetch });
}

/** A signed request built by hand, to send as is, twice, or altered. */
function signed(
  member: string,
  p: string,
  body: string,
  overrides: { secret?: string; now?: Date; method?: string } = {},
) {
  const method = overrides.method ?? "POST";
  const headers = signRequest({
    audience: "hub",
    member,
    secret: overrides.secret ?? secretOf(member),
    method,
    url: `${HUB}${p}`,
    body,
    now: overrides.now,
  });
  return () =>
    new Request(`${HUB}${p}`, {
      method,
      headers: { ...headers, "Content-Type": "application/json" },
      body: method === "GET" ? undefined : body,
    });
}

let dataDir: string;
const savedEnv = { ...process.env };
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "kuaiji-hub-"));
  process.env.KUAIJI_DATA_DIR = dataDir;
  process.env.STORAGE_DRIVER = "local";
  process.env.KUAIJI_ROLE = "hub";
  delete (globalThis as { kuaijiStorage?: unknown }).kuaijiStorage;
  await ensureMembers(db);
});
afterEach(() => {
  process.env.KUAIJI_ROLE = "hub";
});
afterAll(async () => {
  process.env = savedEnv;
  await rm(dataDir, { recursive: true, force: true });
});

describe("the hub's routes", () => {
  it("serve the whole contract to signed members", async () => {
    const gd = as(GD);
    const sz = as(SZ);
    const input = submission();
    const { transfer } = input;

    const submitted = await gd(HUB_PATHS.transfers, "POST", input, transferAnswerSchema);
    expect(submitted).toMatchObject({
      ok: true,
      status: 200,
      data: { transfer: { id: transfer.id, state: "submitted" } },
    });
    expect(
      await sz(HUB_PATHS.transfer(transfer.id), "GET", undefined, transferAnswerSchema),
    ).toMatchObject({
      ok: true,
      data: { transfer: { originName: "广东省", name: "张三" } },
    });
    const found = await sz(
      HUB_PATHS.lookup,
      "POST",
      { name: "张三", idNumber: transfer.person.idNumber },
      lookupAnswerSchema,
    );
    expect(found).toMatchObject({ ok: true, data: { transfers: [{ id: transfer.id }] } });
    expect(await sz(HUB_PATHS.file(transfer.id), "GET", undefined, transferFileSchema)).toEqual({
      ok: true,
      status: 200,
      data: transfer.file,
    });
    expect(
      await sz(HUB_PATHS.events(transfer.id), "POST", event("receive"), eventAnswerSchema),
    ).toEqual({ ok: true, status: 200, data: { outcome: "applied", state: "received" } });
    expect(
      await gd(
        HUB_PATHS.fileLookup,
        "POST",
        { idNumber: transfer.person.idNumber },
        fileAnswerSchema,
      ),
    ).toMatchObject({ ok: true, data: { file: { member: SZ } } });
    expect(
      await sz(
        HUB_PATHS.files,
        "PUT",
        {
          messageId: crypto.randomUUID(),
          idNumber: transfer.person.idNumber,
          regionCode: "440305",
        },
        okAnswerSchema,
      ),
    ).toEqual({ ok: true, status: 200, data: { ok: true } });
  });

  it("answer refusals in the contract's shape with the contract's status", async () => {
    const input = submission();
    await as(GD)(HUB_PATHS.transfers, "POST", input, transferAnswerSchema);
    const id = input.transfer.id;
    expect(
      await as(BJ)(HUB_PATHS.transfer(id), "GET", undefined, transferAnswerSchema),
    ).toMatchObject({
      ok: false,
      kind: "http",
      status: 403,
      code: "not_party",
    });
    expect(await as(GD)(HUB_PATHS.file(id), "GET", undefined, transferFileSchema)).toMatchObject({
      status: 403,
      code: "not_party",
    });
    expect(
      await as(SZ)(HUB_PATHS.transfer(crypto.randomUUID()), "GET", undefined, transferAnswerSchema),
    ).toMatchObject({ status: 404, code: "not_found" });
    expect(
      await as(SZ)(HUB_PATHS.events(id), "POST", { event: "receive" }, eventAnswerSchema),
    ).toMatchObject({ status: 400, code: "invalid_body" });
    expect(
      await as(GD)(
        HUB_PATHS.transfers,
        "POST",
        submission({ destMember: GD }),
        transferAnswerSchema,
      ),
    ).toMatchObject({ status: 400, code: "invalid_destination" });
    const response = await dispatch(signed(GD, HUB_PATHS.transfers, "{not json")());
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { code: "invalid_json", message: expect.any(String) },
    });
  });

  it("are not there on an instance that is not the hub", async () => {
    process.env.KUAIJI_ROLE = "platform";
    const r = await as(SZ)(
      HUB_PATHS.lookup,
      "POST",
      { name: "张三", idNumber: "x" },
      lookupAnswerSchema,
    );
    expect(r).toMatchObject({ ok: false, status: 404, code: "not_hub" });
  });
});

describe("the route helper refuses", () => {
  const lookup = JSON.stringify({ idNumber: "440106199001011234" });

  async function refusal(request: Request) {
    const response = await dispatch(request);
    const body = (await response.json()) as { error: { code: string; message: string } };
    return { status: response.status, ...body.error };
  }

  it("a replayed request (the same nonce again), once it has been served", async () => {
    const make = signed(SZ, HUB_PATHS.fileLookup, lookup);
    expect((await dispatch(make())).status).toBe(200);
    expect(await refusal(make())).toEqual({
      status: 401,
      code: "replayed",
      message: "请求签名校验未通过 / request signature refused",
    });
  });

  it("a replayed event, which takes effect once", async () => {
    const input = submission();
    await as(GD)(HUB_PATHS.transfers, "POST", input, transferAnswerSchema);
    const make = signed(GD, HUB_PATHS.events(input.transfer.id), JSON.stringify(event("withdraw")));
    const [a, b] = await Promise.all([dispatch(make()), dispatch(make())]);
    expect([a.status, b.status].sort()).toEqual([200, 401]);
    expect(
      await db.hubTransferEvent.count({
        where: { transferId: input.transfer.id, event: "withdraw" },
      }),
    ).toBe(1);
  });

  it("a body altered after signing", async () => {
    const request = signed(SZ, HUB_PATHS.fileLookup, lookup)();
    const tampered = new Request(request.url, {
      method: "POST",
      headers: request.headers,
      body: lookup.replace("1234", "1235"),
    });
    expect(await refusal(tampered)).toMatchObject({ status: 401, code: "body_mismatch" });
  });

  it("a body and digest both altered (the signature no longer holds)", async () => {
    const request = signed(SZ, HUB_PATHS.fileLookup, lookup)();
    const other = signed(SZ, HUB_PATHS.fileLookup, lookup.replace("1234", "1235"))();
    const headers = new Headers(request.headers);
    headers.set("X-Kuaiji-Content-SHA256", other.headers.get("X-Kuaiji-Content-SHA256")!);
    const tampered = new Request(request.url, {
      method: "POST",
      headers,
      body: await other.text(),
    });
    expect(await refusal(tampered)).toMatchObject({ status: 401, code: "bad_signature" });
  });

  it("a request to another path than the one signed", async () => {
    const request = signed(SZ, HUB_PATHS.fileLookup, lookup)();
    const moved = new Request(`${HUB}${HUB_PATHS.lookup}`, {
      method: "POST",
      headers: request.headers,
      body: lookup,
    });
    expect(await refusal(moved)).toMatchObject({ status: 401, code: "bad_signature" });
  });

  it("an unknown member, an inactive one, and a wrong secret, saying no more than the code", async () => {
    const unknown = await refusal(
      signed("310000", HUB_PATHS.fileLookup, lookup, { secret: secretOf("310000") })(),
    );
    expect(unknown).toMatchObject({ status: 401, code: "unknown_member" });
    expect(unknown.message).not.toContain("310000");
    await db.hubMember.update({ where: { code: BJ }, data: { active: false } });
    try {
      expect(await refusal(signed(BJ, HUB_PATHS.fileLookup, lookup)())).toMatchObject({
        code: "unknown_member",
      });
    } finally {
      await db.hubMember.update({ where: { code: BJ }, data: { active: true } });
    }
    expect(
      await refusal(signed(SZ, HUB_PATHS.fileLookup, lookup, { secret: secretOf(GD) })()),
    ).toMatchObject({ status: 401, code: "bad_signature" });
  });

  it("an expired timestamp and missing headers", async () => {
    const old = new Date(Date.now() - 10 * 60_000);
    expect(await refusal(signed(SZ, HUB_PATHS.fileLookup, lookup, { now: old })())).toMatchObject({
      code: "expired",
    });
    const bare = new Request(`${HUB}${HUB_PATHS.fileLookup}`, { method: "POST", body: lookup });
    expect(await refusal(bare)).toMatchObject({ status: 401, code: "missing_header" });
  });
});

describe("the helper on a platform (audience member)", () => {
  const notification = {
    messageId: crypto.randomUUID(),
    transferId: crypto.randomUUID(),
    role: "origin",
    state: "received",
    at: new Date().toISOString(),
  };

  async function received(request: Request) {
    process.env.KUAIJI_ROLE = "platform";
    process.env.EXCHANGE_MEMBER_CODE = SZ;
    process.env.EXCHANGE_HUB_URL = HUB;
    process.env.EXCHANGE_MEMBER_SECRET = secretOf(SZ);
    return verifyExchangeRequest(db, request, { audience: "member" });
  }

  /** What the hub sends, captured instead of delivered. */
  async function fromHub(member: string, secret = secretOf(member)) {
    let request: Request | undefined;
    const capture = (async (input: string | URL | Request, init?: RequestInit) => {
      request = new Request(input, init);
      return Response.json({ ok: true });
    }) as typeof fetch;
    await callMember(
      { code: member, baseUrl: "http://sz.test", secret },
      MEMBER_PATHS.notifications,
      notification,
      okAnswerSchema,
      { fetch: capture },
    );
    return request!;
  }

  it("accepts the hub's notification signed with this platform's secret, once", async () => {
    const request = await fromHub(SZ);
    const copy = request.clone();
    const r = await received(request);
    expect(r).toMatchObject({ ok: true, member: SZ });
    if (r.ok) expect(JSON.parse(r.text)).toEqual(notification);
    const again = await received(copy);
    expect(again.ok).toBe(false);
    if (!again.ok)
      expect(await again.response.json()).toMatchObject({ error: { code: "replayed" } });
  });

  it("refuses one addressed to another member, or signed with another key", async () => {
    const other = await received(await fromHub(GD));
    expect(other.ok).toBe(false);
    if (!other.ok) {
      expect(other.response.status).toBe(401);
      expect(await other.response.json()).toMatchObject({ error: { code: "unknown_member" } });
    }
    const forged = await received(await fromHub(SZ, secretOf(GD)));
    expect(forged.ok).toBe(false);
  });

  it("refuses a member's request to the hub reflected to the platform", async () => {
    const request = signed(SZ, MEMBER_PATHS.notifications, JSON.stringify(notification))();
    const r = await received(request);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(await r.response.json()).toMatchObject({ error: { code: "bad_signature" } });
  });
});
