import { afterEach, describe, expect, it, vi } from "vitest";

// /api/ready when the database fails: the public sees which check failed, never the error's text
// (it can name the host, the user, the database); an operator with the token sees why.
vi.mock("@/lib/db/client", () => ({
  db: {
    $queryRaw: () =>
      Promise.reject(
        new Error("Can't reach database server at `db.internal:5432` as user `kuaiji_owner`"),
      ),
  },
}));

const { GET } = await import("./route");
const TOKEN = "ops-token-0123456789abcdef";

afterEach(() => {
  delete process.env.KUAIJI_OPS_TOKEN;
});

describe("/api/ready", () => {
  it("answers 503 with the failed checks and nothing of the error", async () => {
    process.env.KUAIJI_OPS_TOKEN = TOKEN;
    const res = await GET(new Request("http://localhost/api/ready"));
    expect(res.status).toBe(503);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({
      status: "not_ready",
      checks: { database: "fail", migrations: "fail" },
    });
    expect(text).not.toMatch(/db\.internal|kuaiji_owner|5432/);
  });

  it("tells an operator with the token why", async () => {
    process.env.KUAIJI_OPS_TOKEN = TOKEN;
    const res = await GET(
      new Request("http://localhost/api/ready", { headers: { authorization: `Bearer ${TOKEN}` } }),
    );
    expect(((await res.json()) as { reasons: string[] }).reasons[0]).toMatch(/db\.internal/);
    // a wrong token, or none configured, is the public answer
    const wrong = await GET(
      new Request("http://localhost/api/ready", { headers: { authorization: "Bearer nope" } }),
    );
    expect(await wrong.json()).not.toHaveProperty("reasons");
  });
});
