import "server-only";
import { CAPTCHA_WRONG, consumeCaptcha } from "@/lib/account/captcha-service";
import { clientKeys } from "@/lib/account/client-network";
import { type RequestContext, writeAudit } from "@/lib/audit/audit";
import { ceOverview } from "@/lib/ce/overview";
import { parseSnapshot } from "@/lib/collection/archive-service";
import type { Db } from "@/lib/db/client";
import { fieldRefusal, type Refusal } from "@/lib/db/refusal";
import { budget, giveBack, take } from "@/lib/limits/budget";
import { codeHash, codeTrace } from "./code";
import { CODE_MALFORMED, normaliseCode } from "./code-format";
import { verificationConfig } from "./config";
import { documentTitle, isDocumentKind } from "./document-kinds";
import { issueDateText } from "./issue-date";
import { DOCUMENT_STATUS_LABELS, documentStatus } from "./status";
import type { VerificationView } from "./view";

// 档案核验: anyone with a 核验码 learns who the document is of (name, masked number), what it
// is, and whether it still holds — nothing more. No login, so every lookup is paid for first:
//   1. one from the client's lookup budget (per address, IPv6 per /64; 15 minutes), atomic,
//      so parallel requests cannot all pass a check made before any was counted;
//   2. without a solved captcha, one from the client's miss budget: a few tries, then every
//      lookup needs the captcha; a hit gives its miss back, so an employer checking many real
//      documents is never asked;
//   3. the lookup, audited hit or miss with a prefix of the code's hash, never the code.
// With 80-bit codes guessing is hopeless anyway; the budgets keep the table and the audit log
// from being used as a free oracle or flooded.

export const CODE_UNKNOWN = "未找到该核验码，请核对后重新输入（核验码见文件末尾二维码旁）";
export const CAPTCHA_NEEDED = "请输入图形验证码";

export interface VerifyInput {
  code: string;
  captchaId?: string;
  captchaAnswer?: string;
}

export type VerifyResult =
  { ok: true; view: VerificationView } | Refusal<"limited" | "malformed" | "captcha" | "unknown">;

const WINDOW_SECONDS = 15 * 60;

function limiters(db: Db) {
  const c = verificationConfig();
  return {
    lookups: budget(db, "verify-ip", c.lookupsPerClient, WINDOW_SECONDS),
    misses: budget(db, "verify-miss-ip", c.missesBeforeCaptcha, WINDOW_SECONDS),
  };
}

function limitedMessage(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
  return `核验查询过于频繁，请 ${minutes} 分钟后再试`;
}

async function audit(
  db: Db,
  ctx: RequestContext,
  entry: {
    outcome: "success" | "failure";
    details: Record<string, string | number | null>;
    target?: { id: string; regionCode: string };
  },
): Promise<void> {
  await db.$transaction((tx) =>
    writeAudit(tx, ctx, {
      actorType: "anonymous",
      action: "verification.lookup",
      outcome: entry.outcome,
      regionCode: entry.target?.regionCode ?? null,
      targetType: entry.target ? "document-verification" : undefined,
      targetId: entry.target?.id,
      details: entry.details,
    }),
  );
}

/** The stored row a canonical code names, with what its status is decided from. */
function findByCode(db: Db, canonical: string) {
  return db.documentVerification.findUnique({
    where: { codeHash: codeHash(canonical) },
    select: {
      id: true,
      kind: true,
      version: true,
      ceYear: true,
      issuedAt: true,
      personId: true,
      person: { select: { transferState: true } },
      archiveVersion: {
        select: {
          snapshot: true,
          archive: { select: { archiveNumber: true, currentVersion: true, regionCode: true } },
        },
      },
    },
  });
}

/** Whether a 学分证明's year is still 已完成, read as the person's 继续教育 page reads it. */
async function yearCompleted(db: Db, personId: string, year: number | null, now: Date) {
  if (year === null) return false;
  const overview = await ceOverview(db, personId, now);
  return overview.years.some((y) => y.year === year && y.certificateAvailable);
}

export async function verifyDocument(
  db: Db,
  ctx: RequestContext,
  input: VerifyInput,
  now = new Date(),
): Promise<VerifyResult> {
  const client = clientKeys(ctx.ip).address;
  const l = limiters(db);
  const allowed = await take(l.lookups, client);
  if (!allowed.ok) {
    return { ok: false, reason: "limited", message: limitedMessage(allowed.retryAfterMs) };
  }

  const canonical = normaliseCode(input.code);
  if (!canonical) {
    await audit(db, ctx, { outcome: "failure", details: { answer: "malformed" } });
    return fieldRefusal("malformed", "code", CODE_MALFORMED);
  }

  let missTaken = false;
  if (input.captchaId && input.captchaAnswer) {
    if (!(await consumeCaptcha(db, input.captchaId, input.captchaAnswer, now))) {
      return fieldRefusal("captcha", "captchaAnswer", CAPTCHA_WRONG);
    }
  } else {
    const free = await take(l.misses, client);
    if (!free.ok) return fieldRefusal("captcha", "captchaAnswer", CAPTCHA_NEEDED);
    missTaken = true;
  }

  const row = await findByCode(db, canonical);
  const trace = codeTrace(canonical);
  if (!row || !isDocumentKind(row.kind)) {
    await audit(db, ctx, { outcome: "failure", details: { answer: "unknown", code: trace } });
    return fieldRefusal("unknown", "code", CODE_UNKNOWN);
  }
  // A real document: this try was no miss.
  if (missTaken) await giveBack(db, [l.misses.getKey(client)]);

  const { archive } = row.archiveVersion;
  const snapshot = parseSnapshot(row.archiveVersion.snapshot);
  const status = documentStatus({
    kind: row.kind,
    version: row.version,
    currentVersion: archive.currentVersion,
    transferState: row.person.transferState,
    yearCompleted:
      row.kind === "ce-certificate" ? await yearCompleted(db, row.personId, row.ceYear, now) : null,
  });
  await audit(db, ctx, {
    outcome: "success",
    details: { answer: status, code: trace, kind: row.kind },
    target: { id: row.id, regionCode: archive.regionCode },
  });
  return {
    ok: true,
    view: {
      name: snapshot.person.name,
      idNumberMasked: snapshot.person.idNumberMasked,
      document: documentTitle(row.kind, row.ceYear),
      archiveNumber: archive.archiveNumber,
      version: row.version,
      issuedOn: issueDateText(row.issuedAt),
      status,
      statusLabel: DOCUMENT_STATUS_LABELS[status],
    },
  };
}
