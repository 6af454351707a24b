import "server-only";
import sharp from "sharp";
import type { SessionPerson } from "@/lib/account/session-service";
import type { RequestContext } from "@/lib/audit/audit";
import { ABACUS_LEVELS } from "@/lib/codes/abacus-level";
import { ACCOUNTING_POSTS } from "@/lib/codes/accounting-post";
import { AWARD_LEVELS } from "@/lib/codes/award-level";
import type { CodeTable } from "@/lib/codes/code-table";
import { DEGREES } from "@/lib/codes/degree";
import { EDUCATION_LEVELS } from "@/lib/codes/education-level";
import { EMPLOYMENT_STATUSES } from "@/lib/codes/employment-status";
import { ETHNIC_GROUPS } from "@/lib/codes/ethnic-group";
import { POLITICAL_STATUSES } from "@/lib/codes/political-status";
import {
  QUALIFICATION_LEVELS,
  QUALIFICATION_METHODS,
  QUALIFICATION_TYPES,
} from "@/lib/codes/professional-qualification";
import { submitCollection } from "@/lib/collection/archive-service";
import { saveStep } from "@/lib/collection/draft-service";
import type { Db } from "@/lib/db/client";
import { codeOf } from "@/lib/import/history-sheet";
import { jurisdictionCities, jurisdictionCounties } from "@/lib/region/divisions";
import type { ObjectStorage } from "@/lib/storage/types";
import { storeUpload } from "@/lib/upload/attachment-service";
import type { UploadKind } from "@/lib/upload/kinds";

// 信息采集 for the end-to-end suites' people (test-person.ts), through the wizard's own services:
// the uploads (storeUpload), 下一步 on every step (saveStep) and 提交 (submitCollection). The
// values are those tests/e2e/support/collection.ts types (fillNotice … fillAwards), chosen by the
// labels shown on screen, so a spec reads the same person whichever way it was made.

/** The code a <select> shows as `label` (the UI helpers pick options by label), as 历史档案导入 reads one. */
function code<C extends string>(table: CodeTable<C>, label: string): C {
  const found = codeOf(table.entries, label);
  if (found === null || !table.is(found)) throw new Error(`no option ${label}`);
  return found;
}

/** 广州市 · 天河区, as fillWork picks them; a jurisdiction without it cannot use this fixture. */
function tianheCode(): string {
  const city = jurisdictionCities().find((c) => c.name === "广州市");
  const county = city && jurisdictionCounties(city.code).find((c) => c.name === "天河区");
  if (!county) throw new Error("广州市天河区 is outside this platform's jurisdiction");
  return county.code;
}

/**
 * Small valid pictures made in memory (the server never reads test files): a one-inch 5:7
 * headshot at the intake's minimum size and a card-shaped document page.
 */
function picture(width: number, height: number, background: string): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background } })
    .jpeg()
    .toBuffer();
}

/** The wizard's steps in order, as its forms send them once filled in. */
function wizardSteps(files: { headshot: string; portrait: string; emblem: string }) {
  return {
    notice: { truthPledge: true },
    personal: {
      ethnicGroup: code(ETHNIC_GROUPS, "汉族"),
      politicalStatus: code(POLITICAL_STATUSES, "群众"),
      email: "lin.xf@example.com",
      headshotId: files.headshot,
      documentPageIds: { PORTRAIT: files.portrait, EMBLEM: files.emblem },
    },
    education: {
      fullTime: [
        {
          level: code(EDUCATION_LEVELS, "大学本科毕业"),
          degree: code(DEGREES, "学士"),
          school: "中山大学",
          major: "会计学",
          enrolledOn: "2006-09",
          graduatedOn: "2010-07",
        },
      ],
    },
    work: {
      status: code(EMPLOYMENT_STATUSES, "会计工作岗位"),
      regionCode: tianheCode(),
      employerName: "广州市天河区某某财务有限公司",
      employerCreditCode: "914403001922038216",
      postKind: code(ACCOUNTING_POSTS, "出纳"),
      accountingSinceYear: "2010",
    },
    professional: {
      isCpa: false,
      isTaxAdvisor: false,
      isAssetAppraiser: false,
      abacusLevel: code(ABACUS_LEVELS, "无"),
      qualifications: [
        {
          type: code(QUALIFICATION_TYPES, "会计类"),
          level: code(QUALIFICATION_LEVELS, "中级"),
          method: code(QUALIFICATION_METHODS, "考试"),
          year: "2016",
          certificateNo: "Z2016440100123",
        },
      ],
    },
    awards: {
      awards: [{ name: "全省会计工作先进个人", level: code(AWARD_LEVELS, "省部级"), year: "2020" }],
    },
  };
}

/**
 * Completes 信息采集 for a registered person who has not started it; throws on any refusal (a
 * fixture that quietly made someone else would hide the failure in a later assertion).
 */
export async function completeTestCollection(
  db: Db,
  storage: ObjectStorage,
  ctx: RequestContext,
  session: SessionPerson,
  options: { registerFile: boolean; now: Date },
): Promise<void> {
  const { now } = options;
  const upload = async (kind: UploadKind, bytes: Buffer) => {
    const r = await storeUpload(db, storage, ctx, session, { kind, bytes }, now);
    if (!r.ok) throw new Error(`upload ${kind}: ${r.message}`);
    return r.attachmentId;
  };
  const page = await picture(640, 400, "#f4f1ea");
  const files = {
    headshot: await upload("headshot", await picture(295, 413, "#e8b894")),
    portrait: await upload("document-page", page),
    emblem: await upload("document-page", page),
  };
  let revision = 0;
  for (const [step, data] of Object.entries(wizardSteps(files))) {
    const r = await saveStep(db, ctx, session, { step, data, revision }, now);
    if (!r.ok) throw new Error(`${step}: ${r.message} ${JSON.stringify(r.fieldErrors ?? {})}`);
    revision = r.revision;
  }
  const submitted = await submitCollection(db, ctx, session, now, options.registerFile);
  if (!submitted.ok) throw new Error(`submit: ${submitted.message}`);
}
