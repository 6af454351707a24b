import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { STAFF_PAGE_SIZE, staffAccountsPage } from "@/lib/staff/staff-admin-queries";
import type { StaffAdmin } from "@/lib/staff/staff-admin-rules";
import { createEnrolledStaff, staffSessionOf } from "../../support/staff";
import { staffAdminAt } from "./staff-admin-support";

// 用户管理's list: only the 管理员's offices whatever the filter, each account's state, search by
// 登录名 or 姓名, keyset pages. Each test names its accounts with a fresh tag and searches by it,
// so accounts other tests left behind never count.

const tag = () => `名${randomUUID().slice(0, 8)}`;

/** Accounts in bulk (no password hashing: nobody logs in with them). */
async function accounts(name: string, rows: { regionCode: string; username?: string }[]) {
  await db.staff.createMany({
    data: rows.map((r) => ({
      username: r.username ?? `l-${randomUUID().slice(0, 16)}`,
      name,
      regionCode: r.regionCode,
      roles: ["ce-review"],
      passwordHash: "x",
    })),
  });
}

async function all(admin: StaffAdmin, q: string, extra: object = {}) {
  return staffAccountsPage(db, admin, { q, ...extra });
}

describe("用户管理: the list", () => {
  it("a county sees its county; a city its city and counties; the province every office", async () => {
    const name = tag();
    await accounts(name, [
      { regionCode: "440000" },
      { regionCode: "440100" },
      { regionCode: "440106" },
      { regionCode: "440104" },
      { regionCode: "440600" },
    ]);
    const regions = async (admin: StaffAdmin) =>
      (await all(admin, name)).rows.map((r) => r.regionCode);
    expect(await regions(await staffAdminAt("440106"))).toEqual(["440106"]);
    expect(await regions(await staffAdminAt("440100"))).toEqual(["440100", "440104", "440106"]);
    expect(await regions(await staffAdminAt("440000"))).toEqual([
      "440000",
      "440100",
      "440104",
      "440106",
      "440600",
    ]);
    expect((await all(await staffAdminAt("440100", ["ce-review"]), name)).rows).toEqual([]);
  });

  it("a region filter narrows within the 管理员's offices and never widens them", async () => {
    const name = tag();
    await accounts(name, [
      { regionCode: "440106" },
      { regionCode: "440104" },
      { regionCode: "440600" },
    ]);
    const city = await staffAdminAt("440100");
    const of = async (region: string) =>
      (await all(city, name, { region })).rows.map((r) => r.regionCode);
    expect(await of("440106")).toEqual(["440106"]);
    expect(await of("440600")).toEqual([]);
    expect(await of("440000")).toEqual(["440104", "440106"]);
    expect(await of("garbage")).toEqual([]);
  });

  it("shows each account's state, office, roles and last login, and filters by state", async () => {
    const name = tag();
    const admin = await staffAdminAt("440100");
    const fresh = `f-${randomUUID().slice(0, 10)}`;
    const closed = `c-${randomUUID().slice(0, 10)}`;
    await accounts(name, [
      { regionCode: "440106", username: fresh },
      { regionCode: "440106", username: closed },
    ]);
    await db.staff.update({ where: { username: closed }, data: { disabledAt: new Date() } });
    const enrolled = await createEnrolledStaff(db, "440106");
    await db.staff.update({ where: { id: enrolled.id }, data: { name } });
    await staffSessionOf(db, enrolled);
    const unbound = await createEnrolledStaff(db, "440106");
    await db.staff.update({ where: { id: unbound.id }, data: { name, totpEnrolledAt: null } });

    const page = await all(admin, name);
    const byName = Object.fromEntries(page.rows.map((r) => [r.username, r]));
    expect(byName[fresh]).toMatchObject({
      status: "first-login",
      officeName: "天河区财政局",
      roleLabels: ["继续教育学分认定"],
      lastLoginAt: null,
    });
    expect(byName[closed]!.status).toBe("disabled");
    expect(byName[enrolled.username]!.status).toBe("active");
    expect(byName[enrolled.username]!.lastLoginAt).toBeInstanceOf(Date);
    expect(byName[unbound.username]!.status).toBe("no-totp");
    for (const status of ["active", "disabled", "first-login", "no-totp"] as const) {
      const rows = (await all(admin, name, { status })).rows;
      expect(rows.map((r) => r.status)).toEqual([status]);
    }
  });

  it("finds by the beginning of the 登录名 (any case) or any part of the 姓名", async () => {
    const name = tag();
    const username = `s-${randomUUID().slice(0, 12)}`;
    await accounts(`张${name}`, [{ regionCode: "440106", username }]);
    const admin = await staffAdminAt("440100");
    expect((await all(admin, username.toUpperCase())).rows.map((r) => r.username)).toEqual([
      username,
    ]);
    expect((await all(admin, name)).rows.map((r) => r.username)).toEqual([username]);
    expect((await all(admin, username.slice(2))).rows).toEqual([]);
  });

  it("pages with a keyset: every account once, in office then 登录名 order", async () => {
    const name = tag();
    const count = STAFF_PAGE_SIZE + 5;
    await accounts(
      name,
      Array.from({ length: count }, (_, i) => ({ regionCode: i % 2 ? "440106" : "440104" })),
    );
    const admin = await staffAdminAt("440100");
    const first = await all(admin, name);
    expect(first.total).toBe(count);
    expect(first.rows).toHaveLength(STAFF_PAGE_SIZE);
    const second = await all(admin, name, { after: first.nextCursor });
    expect(second.rows).toHaveLength(5);
    expect(second.nextCursor).toBeNull();
    const seen = [...first.rows, ...second.rows].map((r) => `${r.regionCode}|${r.username}`);
    expect(new Set(seen).size).toBe(count);
    expect(seen).toEqual([...seen].sort());
  });
});
