import type * as z from "zod/mini";
import { jurisdictionFromEnv } from "@/lib/jurisdiction/config";
import { buildJurisdictionRegions } from "@/lib/region/divisions";
import type { CollectionSnapshot } from "./archive-service";
import type { CollectionContext } from "./rules";
import { awardsSchema } from "./schemas/awards";
import { educationSchema } from "./schemas/education";
import { noticeSchema } from "./schemas/notice";
import { personalSchema } from "./schemas/personal";
import { professionalSchema } from "./schemas/professional";
import { workSchema } from "./schemas/work";
import type { RegisteredPerson } from "./summary";
import type { CollectionDraft } from "./whole-record";

// Shared by the collection's (and the change requests') unit tests only.

/** A person born 1990-05-17 (居民身份证), today 2026-11-27, on the default Guangdong platform. */
export const TEST_CONTEXT: CollectionContext = {
  today: "2026-11-27",
  documentType: "RESIDENT_ID",
  birthDate: "1990-05-17",
  nationality: "CHN",
  regions: buildJurisdictionRegions(jurisdictionFromEnv({})),
};

/** A parse result's messages keyed by dotted path ("fullTime.0.graduatedOn"); {} on success. */
export function issuesByPath(r: z.util.SafeParseResult<unknown>): Record<string, string> {
  return Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
}

// ---------------------------------------------------------------------------------------------
// The sample record: 张三, the TEST_CONTEXT person, as registration and the wizard hold him.
// Every value is valid for TEST_CONTEXT; tests spread and override what they are about.

/** The attachment ids of the sample 个人信息 (本人免冠证件照, 身份证人像面, 身份证国徽面). */
export const SAMPLE_ATTACHMENT_IDS = {
  HEADSHOT: "0b6c5e2a-3f1d-4c1e-9a55-1d2b3c4d5e6f",
  PORTRAIT: "1b6c5e2a-3f1d-4c1e-9a55-1d2b3c4d5e6f",
  EMBLEM: "2b6c5e2a-3f1d-4c1e-9a55-1d2b3c4d5e6f",
} as const;

/** The registered facts as the owner sees them: 张三, 居民身份证, 男, born 1990-05-17. */
export const SAMPLE_PERSON: RegisteredPerson = {
  name: "张三",
  idType: "RESIDENT_ID",
  idNumberMasked: "4401************1X",
  gender: "1",
  birthYear: 1990,
  birthDate: "1990-05-17",
};

/** 个人信息 as entered: 汉族 (01), 群众 (13), zhangsan@example.com, the three attachments. */
export const SAMPLE_PERSONAL = {
  ethnicGroup: "01",
  politicalStatus: "13",
  email: "zhangsan@example.com",
  headshotId: SAMPLE_ATTACHMENT_IDS.HEADSHOT,
  documentPageIds: {
    PORTRAIT: SAMPLE_ATTACHMENT_IDS.PORTRAIT,
    EMBLEM: SAMPLE_ATTACHMENT_IDS.EMBLEM,
  },
};

/** One 全日制 entry: 大学本科毕业 (21), 学士, 中山大学 会计学, 2008-09 to 2012-07. */
export const SAMPLE_EDUCATION_ENTRY = {
  level: "21",
  degree: "BACHELOR",
  school: "中山大学",
  major: "会计学",
  enrolledOn: "2008-09",
  graduatedOn: "2012-07",
};

/** 工作信息: 会计工作岗位, 出纳 at 华为技术有限公司 in 天河区 (440106) since 2012 — already in the
 * form workSchema outputs. */
export const SAMPLE_WORK = {
  status: "ACCOUNTING_POST",
  regionCode: "440106",
  employerName: "华为技术有限公司",
  employerCreditCode: "914403001922038216",
  postKind: "CASHIER",
  accountingSinceYear: 2012,
};

/** 专业技术信息 without its lists: no CPA/税务师/资产评估师, no 珠算 level. */
export const SAMPLE_PROFESSIONAL = {
  isCpa: false,
  isTaxAdvisor: false,
  isAssetAppraiser: false,
  abacusLevel: "NONE",
};

/** One 专业技术资格: 会计类 中级, by exam in 2015, certificate Z1. */
export const SAMPLE_QUALIFICATION = {
  type: "ACCOUNTING",
  level: "INTERMEDIATE",
  method: "EXAM",
  year: 2015,
  certificateNo: "Z1",
};

/**
 * The sample's data steps as raw drafts (what the wizard saves): SAMPLE_PERSONAL, one
 * SAMPLE_EDUCATION_ENTRY, SAMPLE_WORK, SAMPLE_PROFESSIONAL, no awards. `overrides` replaces
 * whole steps.
 */
export function sampleDraft(overrides: CollectionDraft = {}): CollectionDraft {
  return {
    notice: { truthPledge: true },
    personal: SAMPLE_PERSONAL,
    education: { fullTime: [SAMPLE_EDUCATION_ENTRY] },
    work: SAMPLE_WORK,
    professional: SAMPLE_PROFESSIONAL,
    awards: { awards: [] },
    ...overrides,
  };
}

/**
 * An archive version as submitCollection stores it: SAMPLE_PERSON and every step of
 * sampleDraft(steps) as its schema outputs it (parse throws if an override is invalid).
 */
export function sampleSnapshot(
  steps: CollectionDraft = {},
  person: CollectionSnapshot["person"] = SAMPLE_PERSON,
  ctx: CollectionContext = TEST_CONTEXT,
): CollectionSnapshot {
  const draft = sampleDraft(steps);
  // As stored: the year, never the owner's full date.
  const { name, idType, idNumberMasked, gender, birthYear } = person;
  return {
    person: { name, idType, idNumberMasked, gender, birthYear },
    notice: noticeSchema.parse(draft.notice),
    personal: personalSchema(ctx).parse(draft.personal),
    education: educationSchema(ctx).parse(draft.education),
    work: workSchema(ctx).parse(draft.work),
    professional: professionalSchema(ctx).parse(draft.professional),
    awards: awardsSchema(ctx).parse(draft.awards),
  };
}
