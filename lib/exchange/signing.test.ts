import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  SIGNATURE_HEADERS,
  canonicalString,
  signRequest,
  verifyRequest,
  type NonceStore,
  type ReceivedRequest,
  type VerifyOptions,
} from "./signing";

const SECRETS: Record<string, string> = {
  "440300": "shenzhen-secret",
  "440000": "guangdong-secret",
};
const NOW = new Date("2025-10-09T02:00:00Z");
const URL = "https://hub.example/api/exchange/transfers/abc/withdraw?attempt=2";
const BODY = JSON.stringify({ transferId: "abc", reason: "个人原因" });

/** In-memory stand-in for the database nonce store. */
function memoryNonces(): NonceStore & { keys: Map<string, Date> } {
  const keys = new Map<string, Date>();
  return {
    keys,
    async seen(member, nonce, expiresAt) {
      const key = `${member}:${nonce}`;
      if (keys.has(key)) return true;
      keys.set(key, expiresAt);
      return false;
    },
  };
}

function options(overrides: Partial<VerifyOptions> = {}): VerifyOptions {
  return {
    audience: "hub",
    secretOf: async (member) => SECRETS[member],
    nonces: memoryNonces(),
    now: NOW,
    ...overrides,
  };
}

function signed(overrides: Partial<Parameters<typeof signRequest>[0]> = {}): ReceivedRequest {
  const headers = signRequest({
    audience: "hub",
    member: "440300",
    secret: SECRETS["440300"]!,
    method: "POST",
    url: URL,
    body: BODY,
    now: NOW,
    ...overrides,
  });
  return { method: "POST", url: URL, headers: new Headers(headers), body: BODY };
}

function withHeader(request: ReceivedRequest, name: string, value: string | null): ReceivedRequest {
  const headers = new Headers(request.headers as Headers);
  if (value === null) headers.delete(name);
  else headers.set(name, value);
  return { ...request, headers };
}

describe("signRequest", () => {
  it("signs the documented canonical string (a fixed vector for other implementations)", () => {
    const headers = signRequest({
      audience: "hub",
      member: "440300",
      secret: "k",
      method: "post",
      url: "https://hub.example/api/x?b=2&a=1",
      body: "{}",
      now: new Date(1_700_000_000_000),
      nonce: "AAAAAAAAAAAAAAAAAAAAAA",
    });
    const digest = createHash("sha256").update("{}").digest("hex");
    const text = [
      "KUAIJI-HMAC-SHA256",
      "hub",
      "440300",
      "POST",
      "/api/x?b=2&a=1",
      "1700000000",
      "AAAAAAAAAAAAAAAAAAAAAA",
      digest,
    ].join("\n");
    expect(headers).toEqual({
      "X-Kuaiji-Member": "440300",
      "X-Kuaiji-Timestamp": "1700000000",
      "X-Kuaiji-Nonce": "AAAAAAAAAAAAAAAAAAAAAA",
      "X-Kuaiji-Content-SHA256": digest,
      "X-Kuaiji-Signature": createHmac("sha256", "k").update(text).digest("hex"),
    });
  });

  it("signs a path the same way as the full URL", () => {
    const fields = {
      audience: "hub" as const,
      member: "1",
      method: "GET",
      timestamp: "1",
      nonce: "n",
      bodySha256: "d",
    };
    expect(canonicalString({ ...fields, url: "/api/x?y=1" })).toBe(
      canonicalString({ ...fields, url: "https://hub.example/api/x?y=1" }),
    );
  });

  it("never sends the secret and uses a fresh nonce each time", () => {
    const a = signRequest({
      audience: "hub",
      member: "440300",
      secret: "s3cr3t-value",
      method: "GET",
      url: URL,
      body: "",
    });
    const b = signRequest({
      audience: "hub",
      member: "440300",
      secret: "s3cr3t-value",
      method: "GET",
      url: URL,
      body: "",
    });
    expect(Object.values(a).join(" ")).not.toContain("s3cr3t-value");
    expect(a[SIGNATURE_HEADERS.nonce]).not.toBe(b[SIGNATURE_HEADERS.nonce]);
    expect(a[SIGNATURE_HEADERS.nonce]).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});

describe("verifyRequest", () => {
  it("accepts a correctly signed request and names its member", async () => {
    expect(await verifyRequest(signed(), options())).toEqual({ ok: true, member: "440300" });
  });

  it("accepts a Uint8Array body signed as text", async () => {
    const request = { ...signed(), body: new TextEncoder().encode(BODY) };
    expect(await verifyRequest(request, options())).toMatchObject({ ok: true });
  });

  it.each(Object.values(SIGNATURE_HEADERS))("refuses a request without %s", async (name) => {
    const result = await verifyRequest(withHeader(signed(), name, null), options());
    expect(result).toEqual({ ok: false, reason: "missing_header", message: `缺少请求头 ${name}` });
  });

  it.each([
    [SIGNATURE_HEADERS.timestamp, "2025-10-09T02:00:00Z"],
    [SIGNATURE_HEADERS.nonce, "short"],
    [SIGNATURE_HEADERS.signature, "ZZ"],
    [SIGNATURE_HEADERS.contentSha256, "abc"],
    [SIGNATURE_HEADERS.member, "440000/../x"],
  ])("refuses a malformed %s", async (name, value) => {
    const result = await verifyRequest(withHeader(signed(), name, value), options());
    expect(result).toMatchObject({ ok: false, reason: "malformed_header" });
  });

  it("refuses an unknown member", async () => {
    const request = signed({ member: "999999", secret: "whatever" });
    expect(await verifyRequest(request, options())).toMatchObject({
      ok: false,
      reason: "unknown_member",
      message: "未知的成员：999999",
    });
  });

  it("refuses a request signed with the wrong key", async () => {
    const request = signed({ secret: SECRETS["440000"]! });
    expect(await verifyRequest(request, options())).toMatchObject({
      ok: false,
      reason: "bad_signature",
    });
  });

  it("refuses a body changed on the way", async () => {
    const request = { ...signed(), body: BODY.replace("abc", "abd") };
    expect(await verifyRequest(request, options())).toMatchObject({
      ok: false,
      reason: "body_mismatch",
    });
  });

  it("refuses a changed body whose digest header was changed to match", async () => {
    const body = BODY.replace("abc", "abd");
    const digest = createHash("sha256").update(body).digest("hex");
    const request = withHeader({ ...signed(), body }, SIGNATURE_HEADERS.contentSha256, digest);
    expect(await verifyRequest(request, options())).toMatchObject({ reason: "bad_signature" });
  });

  it.each([
    ["method", { method: "PUT" }],
    ["path", { url: URL.replace("abc", "xyz") }],
    ["query", { url: URL.replace("attempt=2", "attempt=3") }],
  ])("refuses a changed %s", async (_, change) => {
    const request = { ...signed(), ...change };
    expect(await verifyRequest(request, options())).toMatchObject({ reason: "bad_signature" });
  });

  it("refuses a changed timestamp or nonce", async () => {
    const later = String(Math.floor(NOW.getTime() / 1000) + 1);
    expect(
      await verifyRequest(withHeader(signed(), SIGNATURE_HEADERS.timestamp, later), options()),
    ).toMatchObject({ reason: "bad_signature" });
    expect(
      await verifyRequest(
        withHeader(signed(), SIGNATURE_HEADERS.nonce, "BBBBBBBBBBBBBBBBBBBBBB"),
        options(),
      ),
    ).toMatchObject({ reason: "bad_signature" });
  });

  it("refuses a request the hub sent a member when it is reflected back to the hub", async () => {
    const request = signed({ audience: "member" });
    expect(await verifyRequest(request, options({ audience: "hub" }))).toMatchObject({
      reason: "bad_signature",
    });
    expect(await verifyRequest(request, options({ audience: "member" }))).toMatchObject({
      ok: true,
    });
  });

  it("accepts the edges of the ±300 s window and refuses beyond them", async () => {
    const at = (seconds: number) => signed({ now: new Date(NOW.getTime() + seconds * 1000) });
    expect(await verifyRequest(at(-300), options())).toMatchObject({ ok: true });
    expect(await verifyRequest(at(300), options())).toMatchObject({ ok: true });
    expect(await verifyRequest(at(-301), options())).toMatchObject({
      ok: false,
      reason: "expired",
    });
    expect(await verifyRequest(at(301), options())).toMatchObject({ ok: false, reason: "future" });
  });

  it("uses a configured window", async () => {
    const request = signed({ now: new Date(NOW.getTime() - 61_000) });
    expect(await verifyRequest(request, options({ windowSeconds: 60 }))).toMatchObject({
      reason: "expired",
    });
  });

  it("refuses a replayed request and keeps its nonce until the window has passed", async () => {
    const nonces = memoryNonces();
    const request = signed();
    expect(await verifyRequest(request, options({ nonces }))).toMatchObject({ ok: true });
    expect(await verifyRequest(request, options({ nonces }))).toEqual({
      ok: false,
      reason: "replayed",
      message: "重复的请求（nonce 已使用）",
    });
    const [expiresAt] = [...nonces.keys.values()];
    expect(expiresAt).toEqual(new Date(NOW.getTime() + 300_000));
  });

  it("keys nonces by member: the same nonce from two members is no replay", async () => {
    const nonces = memoryNonces();
    const nonce = "CCCCCCCCCCCCCCCCCCCCCC";
    const fromShenzhen = signed({ nonce });
    const fromGuangdong = signed({ nonce, member: "440000", secret: SECRETS["440000"]! });
    expect(await verifyRequest(fromShenzhen, options({ nonces }))).toMatchObject({ ok: true });
    expect(await verifyRequest(fromGuangdong, options({ nonces }))).toMatchObject({ ok: true });
  });

  it("does not spend a nonce on a forged request", async () => {
    const nonces = memoryNonces();
    const nonce = "DDDDDDDDDDDDDDDDDDDDDD";
    const forged = signed({ nonce, secret: "guess" });
    expect(await verifyRequest(forged, options({ nonces }))).toMatchObject({
      reason: "bad_signature",
    });
    expect(nonces.keys.size).toBe(0);
    expect(await verifyRequest(signed({ nonce }), options({ nonces }))).toMatchObject({ ok: true });
  });
});
