import { randomInt, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { decideAppeal } from "@/lib/appeal/decide";
import { appealsForReview } from "@/lib/appeal/list";
import { appealForReview, appealPhotoForReview } from "@/lib/appeal/open";
import type { StaffActor, StaffRole } from "@/lib/codes/staff-roles";
import { encryptField } from "@/lib/crypto/field-cipher";
import { db } from "@/lib/db/client";
import { ctx } from "../../support/collection";
import { randomPhone } from "../../support/accounts";
import { squattedAccount } from "./appeal-fixture";

// 账号申诉 审核's authorisation, after tests/integration/console/authz-matrix.test.ts: each query and
// the decision × identity-review and no role (and every other role alone) × an appeal on the staff
// member's own node, a child, a sibling and the parent. Allowed cells do it; every other cell is
// refused or reads like not found, and no refused answer carries anything of the appeal.

type Relation = "own" | "child" | "sibling" | "parent";
const PLACES: { actorRegion: string; relation: Relation; target: string }[] = [
  { actorRegion: "440100", relation: "own", target: "440100" },
  { actorRegion: "440100", relation: "child", target: "440106" },
  { actorRegion: "440100", relation: "sibling", target: "440600" },
  { actorRegion: "440100", relation: "parent", target: "440000" },
  { actorRegion: "440106", relation: "own", target: "440106" },
  { actorRegion: "440106", relation: "sibling", target: "440104" },
  { actorRegion: "440106", relation: "parent", target: "440100" },
  { actorRegion: "440000", relation: "own", target: "440000" },
  { actorRegion: "440000", relation: "child", target: "440600" },
];
const REGIONS = ["440000", "440100", "440106", "440104", "440600"] as const;
// identity-review, none, and the roles nearest to it: none of those may
const ROLES: (StaffRole | null)[] = ["identity-review", null, "archive-read", "staff-admin"];

interface Target {
  appealId: string;
  appealNumber: string;
  name: string;
  phone: string;
  personId: string;
}
const targets = new Map<string, Target>();

/** A pending appeal of the region, as 提交 leaves it (rows only: the services decide from them). */
async function pendingAppeal(region: string): Promise<Target> {
  const account = await squattedAccount(db, region);
  const appealNumber = `SS${randomInt(10 ** 13, 10 ** 14)}`;
  const phone = randomPhone();
  const name = `申诉${randomUUID().slice(0, 4)}`;
  const row = await db.accountAppeal.create({
    data: {
      appealNumber,
      state: "pending",
      draftTokenHash: "x",
      draftExpiresAt: new Date(),
      personId: account.id,
      regionCode: region,
      name,
      idType: "RESIDENT_ID",
      idNumberCipher: encryptField(account.idNumber),
      idNumberMasked: "4401**********0000",
      phone,
      submittedAt: new Date(),
      photos: {
        create: {
          kind: "id-front",
          storageKey: `attachments/${randomUUID()}`,
          contentType: "image/jpeg",
          byteSize: 1,
          width: 1,
          height: 1,
          sha256: "0".repeat(64),
        },
      },
    },
    select: { id: true },
  });
  return { appealId: row.id, appealNumber, name, phone, personId: account.id };
}

interface Cell {
  actor: StaffActor;
  region: string;
  target: Target;
}
const OPS: { name: string; run: (c: Cell) => Promise<{ done: boolean; answer: unknown }> }[] = [
  {
    name: "appealsForReview",
    run: async (c) => {
      const page = await appealsForReview(db, c.actor, "pending");
      return { done: page.rows.some((r) => r.id === c.target.appealId), answer: null };
    },
  },
  {
    name: "appealForReview",
    run: async (c) => {
      const a = await appealForReview(db, ctx, c.actor, c.target.appealId);
      return { done: a?.id === c.target.appealId, answer: a };
    },
  },
  {
    name: "appealPhotoForReview",
    run: async (c) => {
      const p = await appealPhotoForReview(db, c.actor, c.target.appealId, "id-front");
      return { done: p !== null, answer: p };
    },
  },
  {
    name: "decideAppeal",
    run: async (c) => {
      // a fresh appeal each time: an allowed cell decides it
      const fresh = await pendingAppeal(c.region);
      const r = await decideAppeal(db, ctx, c.actor, {
        id: fresh.appealId,
        decision: "reject",
        reason: "资料不符",
      });
      const row = await db.accountAppeal.findUniqueOrThrow({ where: { id: fresh.appealId } });
      expect(row.state).toBe(r.ok ? "rejected" : "pending");
      c.target = fresh;
      return { done: r.ok, answer: r };
    },
  },
];

beforeAll(async () => {
  for (const region of REGIONS) {
    targets.set(region, await pendingAppeal(region));
  }
}, 60_000);

const CELLS = PLACES.flatMap((p) =>
  ROLES.map((role) => ({
    ...p,
    role,
    label: `${role ?? "no role"} at ${p.actorRegion} on ${p.relation} (${p.target})`,
  })),
);

describe.each(OPS)("$name", (op) => {
  it.each(CELLS)("$label", async ({ actorRegion, relation, target, role }) => {
    const cell: Cell = {
      actor: { staffId: randomUUID(), regionCodes: [actorRegion], roles: role ? [role] : [] },
      region: target,
      target: targets.get(target)!,
    };
    const allowed = role === "identity-review" && (relation === "own" || relation === "child");
    const { done, answer } = await op.run(cell);
    expect(done, allowed ? "allowed, but not done" : "refused, but done").toBe(allowed);
    if (!allowed) {
      const text = JSON.stringify(answer ?? null);
      for (const secret of [
        cell.target.appealId,
        cell.target.appealNumber,
        cell.target.name,
        cell.target.phone,
        cell.target.personId,
      ]) {
        expect(text).not.toContain(secret);
      }
    }
  });
});
