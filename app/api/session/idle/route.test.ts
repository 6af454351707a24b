import { beforeEach, describe, expect, it, vi } from "vitest";

const currentSessionId = vi.fn<() => Promise<string | null>>();
const peekSession = vi.fn();
const extendSession = vi.fn();
vi.mock("@/lib/auth/current-session", () => ({ currentSessionId }));
vi.mock("@/lib/account/session-clock", () => ({ peekSession, extendSession }));
vi.mock("@/lib/db/client", () => ({ db: {} }));

const { GET, POST } = await import("./route");

const SID = "0193a000-0000-7000-8000-000000000001";
const live = { live: true, kind: "person", owner: "tag", remainingMs: 240_000 };
const post = (origin: string | null) =>
  new Request("http://127.0.0.1:3100/api/session/idle", {
    method: "POST",
    headers: { host: "127.0.0.1:3100", ...(origin ? { origin } : {}) },
  });

describe("/api/session/idle", () => {
  beforeEach(() => {
    vi.clearAllMocks();
    currentSessionId.mockResolvedValue(SID);
    peekSession.mockResolvedValue(live);
    extendSession.mockResolvedValue({ ...live, remainingMs: 1_800_000 });
  });

  it("GET only reads the clock: asking never keeps the session alive", async () => {
    const res = await GET();
    expect(await res.json()).toEqual(live);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(peekSession).toHaveBeenCalledWith({}, SID);
    expect(extendSession).not.toHaveBeenCalled();
  });

  it("POST (继续办理) extends, from this site only", async () => {
    expect(await (await POST(post("http://127.0.0.1:3100"))).json()).toMatchObject({
      remainingMs: 1_800_000,
    });
    expect(extendSession).toHaveBeenCalledTimes(1);
    expect((await POST(post("https://evil.example"))).status).toBe(403);
    expect((await POST(post(null))).status).toBe(403);
    expect(extendSession).toHaveBeenCalledTimes(1);
  });

  it("answers ended without a session, touching nothing", async () => {
    currentSessionId.mockResolvedValue(null);
    expect(await (await GET()).json()).toEqual({ live: false });
    expect(await (await POST(post("http://127.0.0.1:3100"))).json()).toEqual({ live: false });
    expect(peekSession).not.toHaveBeenCalled();
    expect(extendSession).not.toHaveBeenCalled();
  });
});
