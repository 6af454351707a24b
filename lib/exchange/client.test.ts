import { describe, expect, it } from "vitest";
import { z } from "zod";
import { callHub, callMember, describeFailure } from "./client";
import { eventAnswerSchema, HUB_PATHS, MEMBER_PATHS, okAnswerSchema } from "./messages";
import { verifyRequest, type Audience, type NonceStore, type VerifyResult } from "./signing";

const SECRET = "guangdong-secret-guangdong-secret-0123456789";
const CONFIG = {
  memberCode: "440000",
  hubUrl: "http://hub.test",
  secret: SECRET,
  timeoutMs: 2000,
};
const TRANSFER = "0190f3a2-7c1e-7d3a-9b1e-2f4a5b6c7d8e";
const EVENT = { messageId: "0190f3a2-7c1e-7d3a-9b1e-000000000001", event: "withdraw" } as const;

function memoryNonces(): NonceStore {
  const seen = new Set<string>();
  return {
    async seen(member, nonce) {
      const key = `${member}:${nonce}`;
      const was = seen.has(key);
      seen.add(key);
      return was;
    },
  };
}

/**
 * A fetch that is the receiving end: it verifies the request exactly as the route helper does
 * (audience, the member's secret) and answers with `answer` when the signature holds.
 */
function receiver(audience: Audience, answer: (body: string) => Response) {
  const nonces = memoryNonces();
  const seen: { verdict?: VerifyResult; url?: string; method?: string } = {};
  const fetchStub = (async (input: string | URL | Request, init?: RequestInit) => {
    const request = new Request(input, init);
    const body = new Uint8Array(await request.arrayBuffer());
    seen.url = request.url;
    seen.method = request.method;
    seen.verdict = await verifyRequest(
      { method: request.method, url: request.url, headers: request.headers, body },
      {
        audience,
        secretOf: async (m) => (m === "440000" ? SECRET : undefined),
        nonces,
      },
    );
    if (!seen.verdict.ok) {
      return Response.json(
        { error: { code: seen.verdict.reason, message: "refused" } },
        { status: 401 },
      );
    }
    return answer(new TextDecoder().decode(body));
  }) as typeof fetch;
  return { fetch: fetchStub, seen };
}

describe("callHub", () => {
  it("signs a request the hub's verification accepts, and parses the answer", async () => {
    const hub = receiver("hub", (body) => {
      expect(JSON.parse(body)).toEqual(EVENT);
      return Response.json({ outcome: "applied", state: "withdrawn" });
    });
    const r = await callHub(HUB_PATHS.events(TRANSFER), "POST", EVENT, eventAnswerSchema, {
      config: CONFIG,
      fetch: hub.fetch,
    });
    expect(hub.seen.verdict).toEqual({ ok: true, member: "440000" });
    expect(hub.seen.url).toBe(`http://hub.test/api/exchange/v1/transfers/${TRANSFER}/events`);
    expect(r).toEqual({ ok: true, status: 200, data: { outcome: "applied", state: "withdrawn" } });
  });

  it("signs a GET with an empty body", async () => {
    const hub = receiver("hub", () => Response.json({ ok: true }));
    const r = await callHub(HUB_PATHS.transfer(TRANSFER), "GET", undefined, okAnswerSchema, {
      config: CONFIG,
      fetch: hub.fetch,
    });
    expect(hub.seen.method).toBe("GET");
    expect(r.ok).toBe(true);
  });

  it("is refused by the hub when signed with another secret", async () => {
    const hub = receiver("hub", () => Response.json({ ok: true }));
    const r = await callHub(HUB_PATHS.files, "PUT", {}, okAnswerSchema, {
      config: { ...CONFIG, secret: "x".repeat(43) },
      fetch: hub.fetch,
    });
    expect(r).toMatchObject({ ok: false, kind: "http", status: 401, code: "bad_signature" });
  });

  it("answers a refusal, a broken answer and a dead hub with typed failures, never a throw", async () => {
    const refusing = receiver("hub", () =>
      Response.json(
        { error: { code: "not_party", message: "不是该调转的调出地或调入地" } },
        { status: 403 },
      ),
    );
    const refused = await callHub(HUB_PATHS.transfer(TRANSFER), "GET", undefined, okAnswerSchema, {
      config: CONFIG,
      fetch: refusing.fetch,
    });
    expect(refused).toEqual({
      ok: false,
      kind: "http",
      status: 403,
      code: "not_party",
      message: "不是该调转的调出地或调入地",
    });

    const html = receiver("hub", () => new Response("<h1>502</h1>", { status: 502 }));
    expect(
      await callHub(HUB_PATHS.files, "PUT", {}, okAnswerSchema, {
        config: CONFIG,
        fetch: html.fetch,
      }),
    ).toMatchObject({ ok: false, kind: "http", status: 502, code: "http_502" });

    const wrong = receiver("hub", () => Response.json({ outcome: "maybe" }));
    const bad = await callHub(HUB_PATHS.events(TRANSFER), "POST", EVENT, eventAnswerSchema, {
      config: CONFIG,
      fetch: wrong.fetch,
    });
    expect(bad).toMatchObject({ ok: false, kind: "bad_answer", status: 200 });

    const dead = (async () => {
      throw new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } });
    }) as typeof fetch;
    const down = await callHub(HUB_PATHS.files, "PUT", {}, okAnswerSchema, {
      config: CONFIG,
      fetch: dead,
    });
    expect(down).toEqual({ ok: false, kind: "network", message: "ECONNREFUSED" });
    if (!down.ok) expect(describeFailure(down)).toBe("network: ECONNREFUSED");
  });

  it("gives up after the timeout", async () => {
    const hanging = ((_: unknown, init?: RequestInit) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener("abort", () => reject(init.signal!.reason));
      })) as typeof fetch;
    const r = await callHub(HUB_PATHS.files, "PUT", {}, okAnswerSchema, {
      config: CONFIG,
      fetch: hanging,
      timeoutMs: 50,
    });
    expect(r).toEqual({ ok: false, kind: "network", message: "TimeoutError" });
  });
});

describe("callMember", () => {
  const member = { code: "440000", baseUrl: "http://gd.test", secret: SECRET };
  const body = {
    messageId: EVENT.messageId,
    transferId: TRANSFER,
    role: "origin",
    state: "received",
    at: "2026-12-01T00:00:00.000Z",
  };

  it("signs for the member audience with the addressee's code and secret", async () => {
    const platform = receiver("member", () => Response.json({ ok: true }));
    const r = await callMember(member, MEMBER_PATHS.notifications, body, okAnswerSchema, {
      fetch: platform.fetch,
    });
    expect(platform.seen.verdict).toEqual({ ok: true, member: "440000" });
    expect(platform.seen.url).toBe("http://gd.test/api/exchange/v1/notifications");
    expect(r).toEqual({ ok: true, status: 200, data: { ok: true } });
  });

  it("cannot be reflected to the hub: the same signature is refused for the hub audience", async () => {
    let captured: Request | undefined;
    const capture = (async (input: string | URL | Request, init?: RequestInit) => {
      captured = new Request(input, init);
      return Response.json({ ok: true });
    }) as typeof fetch;
    await callMember(member, MEMBER_PATHS.notifications, body, z.unknown(), { fetch: capture });
    const verdict = await verifyRequest(
      {
        method: "POST",
        url: captured!.url,
        headers: captured!.headers,
        body: new Uint8Array(await captured!.arrayBuffer()),
      },
      { audience: "hub", secretOf: async () => SECRET, nonces: memoryNonces() },
    );
    expect(verdict).toMatchObject({ ok: false, reason: "bad_signature" });
  });
});
