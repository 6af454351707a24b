import "server-only";
import type { Db } from "@/lib/db/client";
import { encryptField } from "@/lib/crypto/field-cipher";
import { hashPassword } from "@/lib/crypto/password-hash";
import { personCreateData } from "@/lib/account/register-service";
import { idNumberIndex } from "@/lib/account/identifier";
import { validateDocumentNumber } from "@/lib/identity/document-number";
import type { DocumentTypeCode } from "@/lib/identity/document-types";
import { seedDemoContacts } from "@/lib/help/demo-contacts";
import { getJurisdiction } from "@/lib/jurisdiction/config";
import { refreshPersonSearch } from "@/lib/search/projection";
import { financeOfficeName } from "@/lib/staff/office";
import { STAFF_ROLES } from "@/lib/codes/staff-roles";
import { createStaff, type NewStaff } from "@/lib/staff/staff-service";

export interface DemoAccount {
  label: string;
  idNumber: string;
  password: string;
  phone: string;
}

interface DemoPerson {
  label: string;
  name: string;
  idType: DocumentTypeCode;
  idNumber: string;
  phone: string;
  password: string;
}

// Demo accountants for the embedded default only (scripts/start.ts). The numbers are valid by
// GB 11643 but belong to nobody; the phones are in ranges reserved for testing conventions.
const GUANGDONG_PEOPLE: DemoPerson[] = [
  {
    label: "会计人员（居民身份证）",
    name: "张晓明",
    idType: "RESIDENT_ID",
    idNumber: "44010619900307001X",
    phone: "13800138000",
    password: "Kuaiji@2026",
  },
  {
    label: "会计人员（少数民族姓名）",
    name: "阿依古丽·艾力",
    idType: "RESIDENT_ID",
    idNumber: "440104198511230027",
    phone: "13800138001",
    password: "Kuaiji@2026",
  },
];

export interface DemoStaff {
  office: string;
  username: string;
  password: string;
  /** Base32 TOTP secret for an authenticator app (the demo's second factor). */
  totpSecret: string;
}

// 深圳 as its own platform (npm run demo:transfer): someone already collected there, with phones
// of their own, since the demo's instances may share one SMS outbox file.
const SHENZHEN_PEOPLE: DemoPerson[] = [
  {
    label: "会计人员（深圳）",
    name: "林晓燕",
    idType: "RESIDENT_ID",
    idNumber: "440305199203150027",
    phone: "13800138010",
    password: "Kuaiji@2026",
  },
];

type DemoStaffRow = Omit<NewStaff, "password" | "roles"> & { username: string };

// Demo finance staff, one per level (province, city, county) plus a second city, so the region
// scopes can be tried: 广州 staff see 天河 records, 佛山 staff do not.
// Every role, so each demo office can try every screen.
const GUANGDONG_STAFF: DemoStaffRow[] = [
  { username: "gd-admin", name: "王珊", regionCode: "440000" },
  { username: "gz-ce", name: "李明", regionCode: "440100" },
  { username: "th-ce", name: "陈静", regionCode: "440106" },
  { username: "fs-ce", name: "何伟", regionCode: "440600" },
];
const SHENZHEN_STAFF: DemoStaffRow[] = [
  { username: "sz-admin", name: "黄磊", regionCode: "440300" },
  { username: "ns-staff", name: "周敏", regionCode: "440305" },
];
const DEMO_STAFF_PASSWORD = "Caizheng@2026";
// The demo staff's second factor, enrolled at seeding and printed at start like their password,
// so the demo (and the end-to-end tests, tests/e2e/support/staff.ts) sign in at once. Accounts
// made with `npm run staff` change their password and enrol their own authenticator instead.
const DEMO_TOTP_SECRET = "KUAIJIDEMOCAIZHENGTOTPSECRET2345";

/** The demo data of the jurisdiction this instance serves; another one gets an administrator. */
function demoFor(code: string): { people: DemoPerson[]; staff: DemoStaffRow[] } {
  if (code === "440000") return { people: GUANGDONG_PEOPLE, staff: GUANGDONG_STAFF };
  if (code === "440300") return { people: SHENZHEN_PEOPLE, staff: SHENZHEN_STAFF };
  return { people: [], staff: [{ username: "admin", name: "管理员", regionCode: code }] };
}

const NOTICES = [
  {
    title: "关于做好会计人员信息采集工作的通知",
    body: "在本省（除深圳）从事会计工作的人员，以及持有会计专业技术资格证书的人员，请登录会计人员信息服务平台完成信息采集。信息采集提交后无需财政部门审核，系统自动生成会计人员信息档案。必须上传的附件为本人证件和免冠证件照，在校学生还需上传学生证。",
  },
  {
    title: "会计人员信息服务平台使用说明",
    body: "首次使用请先“用户注册”，注册后使用证件号码和密码登录。忘记密码可通过“找回密码”以注册手机号码重置；注册手机号码已停用的，请携带证件到所在地财政部门办理。建议使用 Chrome、360 极速浏览器或火狐浏览器。",
  },
];

/** Creates the demo accounts, staff and notices if missing; returns the accounts to print. */
export async function seedDemo(db: Db): Promise<{ people: DemoAccount[]; staff: DemoStaff[] }> {
  const regionCode = getJurisdiction().code;
  const demo = demoFor(regionCode);
  for (const d of demo.people) {
    const doc = validateDocumentNumber(d.idType, d.idNumber, new Date());
    if (!doc.ok) throw new Error(`demo ID ${d.label} is invalid: ${doc.message}`);
    const exists = await db.person.findUnique({
      where: { idNumberIndex: idNumberIndex(doc.normalized) },
      select: { id: true },
    });
    if (exists) continue;
    const passwordHash = await hashPassword(d.password);
    await db.$transaction(async (tx) => {
      const person = await tx.person.create({
        data: personCreateData(d, doc.normalized, doc, passwordHash, regionCode),
        select: { id: true },
      });
      await refreshPersonSearch(tx, person.id);
    });
  }
  if ((await db.notice.count()) === 0) {
    const now = Date.now();
    await db.notice.createMany({
      data: NOTICES.map((n, i) => ({
        ...n,
        regionCode,
        publishedAt: new Date(now - i * 86_400_000),
      })),
    });
  }
  await seedDemoContacts(db, regionCode);
  const system = { ip: null, userAgent: "seed" };
  for (const s of demo.staff) {
    if (await db.staff.findUnique({ where: { username: s.username }, select: { id: true } }))
      continue;
    const r = await createStaff(db, system, {
      ...s,
      roles: [...STAFF_ROLES.codes],
      password: DEMO_STAFF_PASSWORD,
    });
    if (!r.ok) throw new Error(`demo staff ${s.username}: ${JSON.stringify(r.fieldErrors)}`);
    await db.staff.update({
      where: { id: r.id },
      data: {
        mustChangePassword: false,
        totpSecret: encryptField(DEMO_TOTP_SECRET),
        totpEnrolledAt: new Date(),
      },
    });
  }
  return {
    people: demo.people.map(({ label, idNumber, password, phone }) => ({
      label,
      idNumber,
      password,
      phone,
    })),
    staff: demo.staff.map((s) => ({
      office: financeOfficeName(s.regionCode),
      username: s.username,
      password: DEMO_STAFF_PASSWORD,
      totpSecret: DEMO_TOTP_SECRET,
    })),
  };
}
