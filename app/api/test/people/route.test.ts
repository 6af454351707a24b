import { afterEach, describe, expect, it, vi } from "vitest";

const createTestPerson = vi.fn();
vi.mock("@/lib/seed/test-person", () => ({ createTestPerson }));

const { POST } = await import("./route");

function post(body: unknown) {
  return POST(
    new Request("http://localhost/api/test/people", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );
}

describe("POST /api/test/people", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    createTestPerson.mockReset();
  });

  it("is a 404 that creates nobody without KUAIJI_ALLOW_TEST_SWITCHES=1", async () => {
    for (const allow of ["", "0", "true"]) {
      vi.stubEnv("KUAIJI_ALLOW_TEST_SWITCHES", allow);
      expect((await post({ collected: true })).status).toBe(404);
    }
    expect(createTestPerson).not.toHaveBeenCalled();
  });

  it("refuses a body that is not the documented one, and a name registration would refuse", async () => {
    vi.stubEnv("KUAIJI_ALLOW_TEST_SWITCHES", "1");
    expect((await post({ collected: "yes" })).status).toBe(400);
    expect((await post({ name: "Robert'); DROP" })).status).toBe(400);
    expect((await post(null)).status).toBe(400);
    expect(createTestPerson).not.toHaveBeenCalled();
  });

  it("answers the person's login and contact details, the UI helper's name by default", async () => {
    vi.stubEnv("KUAIJI_ALLOW_TEST_SWITCHES", "1");
    createTestPerson.mockImplementation(async (_db, _storage, _ctx, input) => ({
      personId: "0192d5c0-0000-7000-8000-000000000001",
      idNumber: "44010419850312123X",
      password: "Kj-Test-2026",
      phone: "13512345678",
      name: input.name,
    }));
    const r = await post({ collected: true });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({
      idNumber: "44010419850312123X",
      password: "Kj-Test-2026",
      phone: "13512345678",
      name: "林晓峰",
    });
    expect(createTestPerson.mock.calls[0]![3]).toEqual({ collected: true, name: "林晓峰" });

    await post({ name: "陈学分" });
    expect(createTestPerson.mock.calls[1]![3]).toEqual({ collected: false, name: "陈学分" });
  });
});
