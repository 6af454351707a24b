import { describe, expect, it } from "vitest";
import { checkRealName, httpRealNameVerifier, realNameVerifierFromEnv } from "./real-name-port";

const QUERY = { name: "王真", idType: "RESIDENT_ID", idNumber: "11010519491231002X" };
const NOW = new Date("2026-12-04T02:00:00Z");

describe("real-name verification port", () => {
  it("is off unless configured, and a half configuration is an error", () => {
    expect(realNameVerifierFromEnv({})).toBeNull();
    expect(realNameVerifierFromEnv({ KUAIJI_REAL_NAME: "none" })).toBeNull();
    expect(() => realNameVerifierFromEnv({ KUAIJI_REAL_NAME: "http" })).toThrow(
      /KUAIJI_REAL_NAME_URL/,
    );
    expect(() => realNameVerifierFromEnv({ KUAIJI_REAL_NAME: "police" })).toThrow(/none 或 http/);
    expect(
      realNameVerifierFromEnv({
        KUAIJI_REAL_NAME: "http",
        KUAIJI_REAL_NAME_URL: "https://verify.example/api",
        KUAIJI_REAL_NAME_TOKEN: "t",
      })?.provider,
    ).toBe("http");
  });

  it("off: no answer at all", async () => {
    expect(await checkRealName(null, QUERY, NOW)).toBeNull();
  });

  it("http: posts the query with the token and reads the service's answer", async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const fetchImpl = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return Response.json({ result: "match" });
    }) as unknown as typeof fetch;
    const verifier = httpRealNameVerifier("https://verify.example/api", "secret", fetchImpl);
    expect(await checkRealName(verifier, QUERY, NOW)).toEqual({
      provider: "http",
      outcome: "match",
      checkedAt: NOW.toISOString(),
    });
    expect(calls[0]!.url).toBe("https://verify.example/api");
    expect(new Headers(calls[0]!.init.headers).get("authorization")).toBe("Bearer secret");
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual(QUERY);
  });

  it("http: an error, a refusal or a strange answer is 'unknown', never a failure of the appeal", async () => {
    const answers: (() => Promise<Response>)[] = [
      async () => {
        throw new Error("ECONNREFUSED");
      },
      async () => new Response("busy", { status: 503 }),
      async () => Response.json({ result: "maybe" }),
    ];
    for (const answer of answers) {
      const verifier = httpRealNameVerifier(
        "https://verify.example/api",
        "t",
        answer as typeof fetch,
      );
      expect((await checkRealName(verifier, QUERY, NOW))?.outcome).toBe("unknown");
    }
  });
});
