import { beforeAll, describe, expect, it, vi } from "vitest";
import { createSession } from "@/lib/account/session-service";
import { STAFF_SESSION_ENDED } from "@/lib/auth/action-client";
import { db } from "@/lib/db/client";
import { ctx, tempStorageForFile } from "../../support/collection";
import { submittedAppeal } from "./appeal-fixture";

// An accountant's live session — the appellant's own, once the account is theirs, or the
// squatter's — never reaches 账号申诉 审核: the action answers that the staff session has ended
// before it reads its input, and the appeal stays as it was. (tests/integration/console/
// accountant-reach.test.ts runs every console action so; this one does it on a real appeal.)

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

const store = tempStorageForFile();

describe("an accountant's session on 账号申诉 审核", () => {
  let appeal: Awaited<ReturnType<typeof submittedAppeal>>;
  beforeAll(async () => {
    appeal = await submittedAppeal(db, store.current.storage);
    token.sid = await db.$transaction((tx) =>
      createSession(tx, { personId: appeal.account.id }, ctx),
    );
  });

  it("is refused before anything is read or written", async () => {
    const { decideAppealAction } =
      await import("@/app/[locale]/console/(staff)/appeals/[id]/actions");
    for (const decision of ["reassign", "reject"] as const) {
      const r = await decideAppealAction({ id: appeal.appealId, decision, reason: "x" });
      expect(r).toMatchObject({ ok: false, formError: STAFF_SESSION_ENDED });
    }
    const row = await db.accountAppeal.findUniqueOrThrow({ where: { id: appeal.appealId } });
    expect(row.state).toBe("pending");
    expect(
      await db.auditEvent.count({ where: { targetId: appeal.appealId, action: "appeal.decide" } }),
    ).toBe(0);
  });
});
