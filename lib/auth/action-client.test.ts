import { beforeEach, describe, expect, it, vi } from "vitest";
import * as z from "zod/mini";

// The one chokepoint every server action goes through: who may call it, what it accepts, and
// that a failure is logged without the input (issue 12). next/headers and the session lookups
// are replaced; everything else is the real builder.

const state = vi.hoisted(() => ({
  person: null as null | Record<string, unknown>,
  staff: null as null | Record<string, unknown>,
  signInToken: null as null | string,
  /** what the session lookup throws instead of answering (its database is away) */
  lookupFails: null as null | Error,
  logged: [] as unknown[],
}));

vi.mock("next/headers", () => ({
  headers: async () =>
    new Headers({
      "x-forwarded-for": "203.0.113.9",
      "user-agent": "vitest",
      "x-request-id": "5d0c1c2e-8f7a-4b7e-9d3e-2f1a0b9c8d7e",
    }),
}));
vi.mock("./current-session", () => ({
  currentSession: async () => {
    if (state.lookupFails) throw state.lookupFails;
    return state.person;
  },
}));
vi.mock("./current-staff", () => ({
  currentStaff: async () => {
    if (state.lookupFails) throw state.lookupFails;
    return state.staff;
  },
}));
vi.mock("./staff-sign-in", () => ({ staffSignInToken: async () => state.signInToken }));
vi.mock("@/lib/log/logger", () => {
  const log = (...args: unknown[]) => void state.logged.push(args);
  return { childLogger: () => ({ info: log, error: log, warn: log }) };
});

const {
  personAction,
  staffAction,
  staffSignInAction,
  publicAction,
  SESSION_ENDED,
  STAFF_SESSION_ENDED,
} = await import("./action-client");
const { ROLE_DENIED } = await import("@/lib/codes/staff-roles");
const { sessionOwnerTag } = await import("@/lib/account/session-clock");
const { PAGE_OWNER_CHANGED, PAGE_OWNER_FIELD } = await import("./page-owner");

const ID_NUMBER = "44010619900307001X";
const schema = z.object({ idNumber: z.string().check(z.length(18, "请输入18位证件号码")) });
const ACCOUNTANT = { sessionId: "s1", personId: "p1", regionCode: "440106" };
const REVIEWER = { sessionId: "s2", staffId: "t1", regionCode: "440106", roles: ["ce-review"] };

beforeEach(() => {
  state.person = null;
  state.staff = null;
  state.signInToken = null;
  state.lookupFails = null;
  state.logged = [];
});

/** What node-postgres throws while PostgreSQL restarts (tests/system/fault-db-restart.test.ts). */
function connectionRefused(): Error {
  return Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
}
const RETRY = /^系统繁忙，请稍后重试。如多次失败，请联系客服并提供编号 5d0c1c2e$/;

describe("a database that is away", () => {
  it("during the session check: 系统繁忙 with the reference, never a rejected call", async () => {
    const handler = vi.fn();
    state.lookupFails = connectionRefused();
    for (const action of [
      personAction("t", schema, handler),
      staffAction("t", "ce-review", schema, handler),
    ]) {
      const r = await action({ idNumber: ID_NUMBER });
      expect(r).toEqual({ ok: false, fieldErrors: {}, formError: expect.stringMatching(RETRY) });
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it("during the handler: 系统繁忙, no field errors (the form keeps every value), code logged", async () => {
    state.person = ACCOUNTANT;
    const r = await personAction("t", schema, async () => {
      throw connectionRefused();
    })({ idNumber: ID_NUMBER });
    expect(r).toEqual({ ok: false, fieldErrors: {}, formError: expect.stringMatching(RETRY) });
    expect(JSON.stringify(state.logged)).toContain("ECONNREFUSED");
  });
});

describe("personAction", () => {
  it("refuses without an accountant's session, before parsing or running anything", async () => {
    const handler = vi.fn();
    state.staff = REVIEWER; // a staff session is not an accountant's
    const r = await personAction("t", schema, handler)({ idNumber: ID_NUMBER });
    expect(r).toEqual({ ok: false, fieldErrors: {}, formError: SESSION_ENDED });
    expect(handler).not.toHaveBeenCalled();
  });

  it("answers input its schema refuses with the field's message, and runs nothing", async () => {
    const handler = vi.fn();
    state.person = ACCOUNTANT;
    const r = await personAction("t", schema, handler)({ idNumber: "123" });
    expect(r).toEqual({ ok: false, fieldErrors: { idNumber: "请输入18位证件号码" } });
    expect(handler).not.toHaveBeenCalled();
  });

  it("hands the handler the parsed input, the session and the caller's address", async () => {
    state.person = ACCOUNTANT;
    const r = await personAction("t", schema, async (input, ctx) => ({
      ok: true,
      data: { input, ip: ctx.request.ip, session: ctx.session },
    }))({ idNumber: ID_NUMBER });
    expect(r).toEqual({
      ok: true,
      data: { input: { idNumber: ID_NUMBER }, ip: "203.0.113.9", session: ACCOUNTANT },
    });
  });

  it("turns an exception into 系统繁忙 with the request's reference, logging nothing of the input", async () => {
    state.person = ACCOUNTANT;
    const r = await personAction("t", schema, async (input) => {
      throw new Error(`duplicate key value (idNumber)=(${input.idNumber})`);
    })({ idNumber: ID_NUMBER });
    expect(r).toMatchObject({ ok: false, formError: expect.stringContaining("5d0c1c2e") });
    expect(state.logged.length).toBeGreaterThan(0);
    expect(JSON.stringify(state.logged)).not.toContain(ID_NUMBER);
  });
});

describe("staffAction", () => {
  it("refuses an accountant's session and a staff member without the role", async () => {
    const handler = vi.fn();
    state.person = ACCOUNTANT;
    expect(await staffAction("t", "ce-review", schema, handler)({ idNumber: ID_NUMBER })).toEqual({
      ok: false,
      fieldErrors: {},
      formError: STAFF_SESSION_ENDED,
    });
    state.staff = REVIEWER;
    expect(await staffAction("t", "export", schema, handler)({ idNumber: ID_NUMBER })).toEqual({
      ok: false,
      fieldErrors: {},
      formError: ROLE_DENIED,
    });
    expect(handler).not.toHaveBeenCalled();
    const ok = await staffAction("t", "ce-review", schema, async (_i, ctx) => ({
      ok: true,
      data: ctx.staff.staffId,
    }))({ idNumber: ID_NUMBER });
    expect(ok).toEqual({ ok: true, data: "t1" });
  });
});

describe("staffSignInAction and publicAction", () => {
  it("a sign-in step needs its cookie; a staff session is not one", async () => {
    const handler = vi.fn();
    state.staff = REVIEWER;
    expect(await staffSignInAction("t", schema, handler)({ idNumber: ID_NUMBER })).toMatchObject({
      ok: false,
      code: "expired",
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it("a public action still parses: a visitor's input is never trusted", async () => {
    const handler = vi.fn();
    expect(await publicAction("t", schema, handler)({ idNumber: "x" })).toEqual({
      ok: false,
      fieldErrors: { idNumber: "请输入18位证件号码" },
    });
    expect(handler).not.toHaveBeenCalled();
  });
});

describe("an action from another person's page", () => {
  it("is refused before parsing when the page names another owner; its own and none pass", async () => {
    const handler = vi.fn(async () => ({ ok: true as const, data: null }));
    state.person = ACCOUNTANT;
    state.staff = REVIEWER;
    const cases = [
      [personAction("t", schema, handler), { personId: "p1" }, { personId: "p2" }],
      [staffAction("t", "ce-review", schema, handler), { staffId: "t1" }, { staffId: "t2" }],
    ] as const;
    for (const [action, own, other] of cases) {
      const named = (owner: typeof own | typeof other) =>
        ({ idNumber: ID_NUMBER, [PAGE_OWNER_FIELD]: sessionOwnerTag(owner) }) as never;
      expect(await action(named(other))).toMatchObject({
        ok: false,
        formError: PAGE_OWNER_CHANGED,
      });
      expect(handler).not.toHaveBeenCalled();
      expect((await action(named(own))).ok).toBe(true);
      expect((await action({ idNumber: ID_NUMBER })).ok).toBe(true);
      // the handler gets the parsed input: the owner's key is not part of it
      expect(handler).toHaveBeenLastCalledWith({ idNumber: ID_NUMBER }, expect.anything());
      handler.mockClear();
    }
  });
});
