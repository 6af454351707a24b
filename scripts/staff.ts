// `npm run staff` — finance staff accounts (财政部门账号) from the operator's shell: the first
// administrator, and repairs; after that 管理员 use 用户管理 in the console (/console/staff).
// Every change made here is audited (actor "system").
//   npm run staff -- list [--region 4401]
//   npm run staff -- create --username gz-ce --name 李明 --region 440100 --roles ce-review,ce-course
//   npm run staff -- reset-password --username gz-ce
//   npm run staff -- reset-2fa --username gz-ce [--by gz-admin]
//   npm run staff -- disable --username gz-ce
// New passwords are generated and printed once: hand them over in person, never by e-mail. The
// first login with one replaces it and enrols the second factor (TOTP); reset-2fa also gives a new
// password, and the next login changes it and enrols again (--by names the 管理员 it is done for:
// their office must cover the account's).
// Production: DATABASE_URL and the KUAIJI_* keys from the environment, as the platform has them.
// Embedded default: run while `npm start` is running; the database and keys of .data are used.
import { parseArgs } from "node:util";
import { operatorDatabaseUrl } from "./operator-db";

const USAGE = `用法 / usage:
  npm run staff -- list [--region 4401]
  npm run staff -- create --username <登录名> --name <姓名> --region <行政区划代码> --roles ce-review,ce-course
  npm run staff -- reset-password --username <登录名>
  npm run staff -- reset-2fa --username <登录名> [--by <管理员登录名>]
  npm run staff -- disable --username <登录名>`;

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      username: { type: "string" },
      name: { type: "string" },
      region: { type: "string" },
      roles: { type: "string" },
      by: { type: "string" },
    },
  });
  const command = positionals[0];
  if (!command || !["list", "create", "reset-password", "reset-2fa", "disable"].includes(command)) {
    console.error(USAGE);
    return 2;
  }
  const url = operatorDatabaseUrl();
  const { createDb } = await import("../lib/db/client");
  const staffService = await import("../lib/staff/staff-service");
  const { financeOfficeName } = await import("../lib/staff/office");
  const { STAFF_ROLES } = await import("../lib/codes/staff-roles");
  const { normalizeUsername } = await import("../lib/staff/staff-fields");
  const { generateInitialPassword: generatePassword } =
    await import("../lib/staff/staff-admin-password");
  const db = createDb(url);
  const ctx = { ip: null, userAgent: `npm run staff (${process.env.USER ?? "operator"})` };
  const username = normalizeUsername(values.username ?? "");
  try {
    switch (command) {
      case "list": {
        const rows = await db.staff.findMany({
          where: values.region ? { regionCode: { startsWith: values.region } } : {},
          orderBy: [{ regionCode: "asc" }, { username: "asc" }],
        });
        for (const s of rows) {
          const roles = s.roles.map((r) => STAFF_ROLES.label(r) ?? r).join("、");
          const state = `${s.disabledAt ? "（已停用）" : ""}${s.totpEnrolledAt ? "" : "（待绑定动态验证码）"}`;
          console.log(
            `${s.username}\t${s.name}\t${financeOfficeName(s.regionCode)}\t${roles}${state}`,
          );
        }
        console.log(`共 ${rows.length} 个账号 / ${rows.length} account(s)`);
        return 0;
      }
      case "create": {
        const roles = (values.roles ?? "").split(",").filter(Boolean);
        const unknown = roles.filter((r) => !STAFF_ROLES.is(r));
        if (unknown.length > 0) {
          const known = STAFF_ROLES.entries.map((e) => `${e.code}（${e.label}）`).join("、");
          return refused({ roles: `未知权限 ${unknown.join(",")}，可选：${known}` });
        }
        const password = generatePassword();
        const r = await staffService.createStaff(db, ctx, {
          username,
          name: values.name ?? "",
          regionCode: values.region ?? "",
          roles: roles.filter(STAFF_ROLES.is),
          password,
        });
        if (!r.ok) return refused(r.fieldErrors);
        console.log(`已创建 / created: ${username}（${financeOfficeName(values.region!)}）`);
        console.log(`初始密码 / initial password: ${password}`);
        console.log(FIRST_LOGIN);
        return 0;
      }
      case "reset-password": {
        const password = generatePassword();
        const r = await staffService.resetStaffPassword(db, ctx, username, password);
        if (!r.ok) return refused(r.fieldErrors);
        console.log(`已重置，原有登录已退出 / reset, sessions ended: ${username}`);
        console.log(`新密码 / new password: ${password}`);
        console.log("首次使用新密码登录时须先修改密码 / the next login replaces this password");
        return 0;
      }
      case "reset-2fa": {
        const { resetSecondFactor } = await import("../lib/staff/second-factor-reset");
        const actor = await resetActor(db, values.by);
        if (!actor) return refused({ by: "没有这个管理员登录名" });
        const password = generatePassword();
        const r = await resetSecondFactor(db, ctx, actor, username, password);
        if (!r.ok) return refused(r.fieldErrors ?? { by: r.message });
        console.log(
          `已重置动态验证码，原有登录已退出 / second factor reset, sessions ended: ${username}`,
        );
        console.log(`新密码 / new password: ${password}`);
        console.log(FIRST_LOGIN);
        return 0;
      }
      default: {
        if (!(await staffService.disableStaff(db, ctx, username))) {
          return refused({ username: "没有这个登录名" });
        }
        console.log(`已停用，原有登录已退出 / disabled, sessions ended: ${username}`);
        return 0;
      }
    }
  } finally {
    await db.$disconnect();
  }
}

const FIRST_LOGIN =
  "首次登录须修改初始密码并绑定动态验证码（手机身份验证器）/ the first login changes this password and enrols TOTP";

/** The operator, or (--by) the 管理员 the reset is done for, whose office must cover the account. */
async function resetActor(db: import("../lib/db/client").Db, by: string | undefined) {
  if (!by) return { kind: "operator" as const };
  const { normalizeUsername } = await import("../lib/staff/staff-fields");
  const admin = await db.staff.findUnique({
    where: { username: normalizeUsername(by) },
    select: { id: true, regionCode: true, roles: true, disabledAt: true },
  });
  if (!admin || admin.disabledAt) return null;
  return {
    kind: "staff" as const,
    staffId: admin.id,
    regionCode: admin.regionCode,
    roles: admin.roles,
  };
}

function refused(fieldErrors: Record<string, string>): number {
  for (const [field, message] of Object.entries(fieldErrors)) console.error(`${field}: ${message}`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
