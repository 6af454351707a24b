import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createSession } from "@/lib/account/session-service";
import { STAFF_SESSION_ENDED } from "@/lib/auth/action-client";
import { db } from "@/lib/db/client";
import { ctx } from "../../support/collection";
import { createPerson } from "../../support/person";
import { createEnrolledStaff, staffSessionOf } from "../../support/staff";

// An accountant's live session reaches no console action: every action exported from a
// "use server" file under app/[locale]/console/(staff) is called with that session and answers that the
// staff session has ended, before reading its input — nothing written, nothing audited.
// app/action-chokepoints.test.ts proves each is built by staffAction; this proves the builder
// turns the accountant away at run time, for every one of them (a new action is found by itself).

const token = vi.hoisted(() => ({ sid: null as string | null }));
vi.mock("next-auth", () => ({
  getServerSession: async () => (token.sid ? { sid: token.sid } : null),
}));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "user-agent": "vitest-accountant" }),
  cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }),
}));
vi.mock("next/cache", () => ({
  revalidatePath: () => undefined,
  revalidateTag: () => undefined,
  updateTag: () => undefined,
  unstable_cache: <T>(fn: T) => fn,
}));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw new Error(`redirect ${to}`);
  },
  notFound: () => {
    throw new Error("notFound");
  },
}));

const CONSOLE = path.resolve(import.meta.dirname, "../../../app/[locale]/console/(staff)");

function actionFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return actionFiles(full);
    return /\.tsx?$/.test(e.name) && /^["']use server["']/.test(readFileSync(full, "utf8"))
      ? [full]
      : [];
  });
}

const FILES = actionFiles(CONSOLE).map((f) => [path.relative(CONSOLE, f), f] as const);

beforeAll(async () => {
  const p = await createPerson(db);
  token.sid = await db.$transaction((tx) => createSession(tx, { personId: p.id }, ctx));
});

describe("an accountant's session on the console", () => {
  it("finds the console's actions", () => {
    expect(FILES.length).toBeGreaterThan(10);
  });

  it("(the control: a staff session of the same mocks does get past the session check)", async () => {
    const accountant = token.sid;
    const staff = await createEnrolledStaff(db, "440106", ["archive-read"]);
    token.sid = await staffSessionOf(db, staff, new Date(Date.now() + 31_000));
    try {
      const { revealIdNumberAction } =
        await import("@/app/[locale]/console/(staff)/people/actions");
      const r = await revealIdNumberAction({ personId: "00000000-0000-7000-8000-000000000000" });
      expect(r).toMatchObject({ ok: false });
      expect(r).not.toMatchObject({ formError: STAFF_SESSION_ENDED });
    } finally {
      token.sid = accountant;
    }
  });

  it.each(FILES)("%s: every action refuses", async (_name, file) => {
    const mod = (await import(file)) as Record<string, unknown>;
    const actions = Object.entries(mod).filter(([, v]) => typeof v === "function");
    expect(actions.length).toBeGreaterThan(0);
    const ours = () => db.auditEvent.count({ where: { userAgent: "vitest-accountant" } });
    const before = await ours();
    for (const [name, action] of actions) {
      const r = await (action as (input: unknown) => Promise<unknown>)({});
      expect(r, name).toMatchObject({ ok: false, formError: STAFF_SESSION_ENDED });
    }
    // the session check reads; it writes no row (other files' tests may, so only ours count)
    expect(await ours()).toBe(before);
  });
});
