import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/crypto/password-hash";
import { db } from "@/lib/db/client";
import { authenticateStaff } from "@/lib/staff/staff-login-service";
import { createEnrolledStaff } from "../../support/staff";

const run = promisify(execFile);
const ctx = { ip: null, userAgent: "vitest" };

/** `npm run staff -- …` against the test database (DATABASE_URL and keys are in the env). */
async function staffCli(...args: string[]) {
  try {
    const hooks = ["--import", "./scripts/server-only/register.mjs", "--import", "tsx"];
    const r = await run("node", [...hooks, "scripts/staff.ts", ...args], { env: process.env });
    return { code: 0, out: r.stdout, err: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout, err: x.stderr };
  }
}

const passwordIn = (out: string) => /(?:初始密码|新密码)[^:]*: (\S+)/.exec(out)?.[1] ?? "";

describe("npm run staff", () => {
  it("creates an account with a generated password, resets it and closes it", async () => {
    const username = `cli-${randomUUID().slice(0, 8)}`;
    const created = await staffCli(
      "create",
      "--username",
      username,
      "--name",
      "周敏",
      "--region",
      "440106",
      "--roles",
      "ce-review",
    );
    expect(created).toMatchObject({ code: 0 });
    expect(created.out).toContain("天河区财政局");
    expect(created.out).toContain("首次登录须修改初始密码并绑定动态验证码");
    const first = passwordIn(created.out);
    expect(first).toMatch(/^\S{14}$/);
    expect((await authenticateStaff(db, ctx, { username, password: first })).ok).toBe(true);

    const reset = await staffCli("reset-password", "--username", username);
    const second = passwordIn(reset.out);
    expect(second).not.toBe(first);
    expect((await authenticateStaff(db, ctx, { username, password: first })).ok).toBe(false);

    expect((await staffCli("disable", "--username", username)).code).toBe(0);
    const list = await staffCli("list", "--region", "440106");
    expect(list.out).toMatch(
      new RegExp(`${username}\\s+周敏\\s+天河区财政局\\s+继续教育学分认定（已停用）`),
    );
    expect(
      await db.auditEvent.count({
        where: {
          action: { in: ["staff.create", "staff.password-reset", "staff.disable"] },
          targetId: (await db.staff.findUniqueOrThrow({ where: { username } })).id,
        },
      }),
    ).toBe(3);
  }, 60_000);

  it("resets a second factor for the operator, or for a 管理员 whose office covers the account", async () => {
    const target = await createEnrolledStaff(db, "440100");
    const sibling = await createEnrolledStaff(db, "440600", ["staff-admin"]);
    const refused = await staffCli(
      "reset-2fa",
      "--username",
      target.username,
      "--by",
      sibling.username,
    );
    expect(refused.code).toBe(1);
    expect(refused.err).toContain("username: 没有这个登录名");
    const byProvince = await createEnrolledStaff(db, "440000", ["staff-admin"]);
    const ok = await staffCli(
      "reset-2fa",
      "--username",
      target.username,
      "--by",
      byProvince.username,
    );
    expect(ok).toMatchObject({ code: 0 });
    expect(ok.out).toContain("首次登录须修改初始密码并绑定动态验证码");
    const printed = /新密码 \/ new password: (\S+)/.exec(ok.out)?.[1];
    expect(printed).toMatch(/^\S{14}$/);
    const row = await db.staff.findUniqueOrThrow({ where: { id: target.id } });
    expect(row).toMatchObject({ totpEnrolledAt: null, mustChangePassword: true });
    expect(await verifyPassword(row.passwordHash, printed!)).toBe(true);
    expect((await staffCli("reset-2fa", "--username", target.username)).code).toBe(0);
    const list = await staffCli("list", "--region", "440100");
    expect(list.out).toMatch(new RegExp(`${target.username}\\s.*（待绑定动态验证码）`));
  }, 60_000);

  it("explains what is wrong and exits non-zero", async () => {
    const bad = await staffCli(
      "create",
      "--username",
      "x",
      "--region",
      "440300",
      "--roles",
      "admin",
    );
    expect(bad.code).toBe(1);
    expect(bad.err).toContain(
      "未知权限 admin，可选：ce-review（继续教育学分认定）、ce-course（继续教育课程登记）",
    );
    const usage = await staffCli("frobnicate");
    expect(usage.code).toBe(2);
    expect(usage.err).toContain("用法 / usage");
  }, 60_000);
});
