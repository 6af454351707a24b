import type { CeThresholds } from "@/lib/jurisdiction/ce-thresholds";
import type { Messages } from "@/lib/i18n/messages";

// 常见问题 of the 帮助 page: what people ask the finance departments most (the user's manual,
// docs' domain notes "What users stumble on"), each answered as this platform does it and linked
// to the page that does it. The words are messages ("HelpFaq" in messages/<locale>/help.json,
// one answer's paragraphs a line each); here is which questions there are, in which group, where
// their links lead, and the jurisdiction's settings they speak of (广东省内（除深圳）, the yearly
// credits). The page builds it on the server in the reader's language and hands the plain text
// to the browser for the search (faq-search.ts).

export interface FaqLink {
  href: string;
  label: string;
}

export interface FaqItem {
  /** Stable anchor: /help#<id>. */
  id: string;
  question: string;
  /** Paragraphs. */
  answer: string[];
  /** The pages that do what the answer describes. */
  links: FaqLink[];
  /** Other words people search with ("验证码收不到", "改手机"), spaced. */
  keywords: string;
}

export interface FaqGroup {
  id: string;
  title: string;
  items: FaqItem[];
}

export interface FaqContext {
  /** Where people work who must register, e.g. "广东省内（除深圳）". */
  workArea: string;
  /** Parts of the region that run their own platform, e.g. ["深圳市"]. */
  excludedNames: readonly string[];
  ce: CeThresholds;
}

type FaqMessages = Messages["HelpFaq"];
type QuestionId = keyof FaqMessages["questions"];
type FaqKey =
  | `groups.${keyof FaqMessages["groups"]}`
  | `links.${keyof FaqMessages["links"]}`
  | `ce.${keyof FaqMessages["ce"]}`
  | "and"
  | "comma"
  | `questions.${QuestionId}.${"question" | "answer" | "keywords"}`;

/** The "HelpFaq" messages in the reader's language (next-intl's translator). */
export type FaqTranslator = (key: FaqKey, values?: Record<string, string | number>) => string;

/** The "#contacts" section of the 帮助 page: every finance office, the visitor's own first. */
export const CONTACTS_ANCHOR = "contacts";

/** Where the answers' links lead, by their label (HelpFaq.links). */
const LINKS = {
  register: "/register",
  forgotPassword: "/forgot-password",
  appeal: "/appeal",
  appealStatus: "/appeal/status",
  contacts: `/help#${CONTACTS_ANCHOR}`,
  phone: "/account/security/phone",
  collection: "/account/collection",
  notices: "/notices",
  account: "/account",
  archive: "/account/archive",
  transferIn: "/transfer-in",
  change: "/account/change",
  changeHistory: "/account/change/history",
  ce: "/account/ce",
  ceClaim: "/account/ce/claim",
  transfer: "/account/transfer",
  verify: "/verify",
} as const satisfies Record<keyof FaqMessages["links"], string>;

interface Question {
  id: QuestionId;
  links: (keyof typeof LINKS)[];
  /** Asked only where it applies. */
  applies?: (ctx: FaqContext) => boolean;
}

const GROUPS: { id: string; title: keyof FaqMessages["groups"]; items: Question[] }[] = [
  {
    id: "faq-account",
    title: "account",
    items: [
      { id: "who-registers", links: ["register"] },
      { id: "id-registered", links: ["forgotPassword", "appeal", "appealStatus"] },
      { id: "sms-code", links: [] },
      { id: "one-phone", links: ["register"] },
      { id: "forgot-password", links: ["forgotPassword", "appeal", "contacts"] },
      { id: "locked", links: ["forgotPassword"] },
      { id: "change-phone", links: ["phone", "appeal"] },
      { id: "wrong-identity", links: ["contacts"] },
    ],
  },
  {
    id: "faq-collection",
    title: "collection",
    items: [
      { id: "collection-deadline", links: ["collection", "notices"] },
      { id: "collection-materials", links: ["collection"] },
      { id: "region-choice", links: ["collection"] },
      { id: "collected", links: ["account", "archive"] },
      {
        id: "collected-elsewhere",
        links: ["transferIn"],
        applies: (ctx) => ctx.excludedNames.length > 0,
      },
    ],
  },
  {
    id: "faq-change",
    title: "change",
    items: [
      { id: "what-changes", links: ["change", "changeHistory", "contacts"] },
      { id: "region-locked", links: ["ce", "transfer"] },
    ],
  },
  {
    id: "faq-ce",
    title: "ce",
    items: [
      { id: "ce-credits", links: ["ce"] },
      { id: "ce-claim", links: ["ceClaim", "ce"] },
    ],
  },
  {
    id: "faq-transfer",
    title: "transfer",
    items: [
      { id: "transfer-out", links: ["transfer"] },
      { id: "transfer-in", links: ["transferIn"] },
    ],
  },
  {
    id: "faq-contact",
    title: "contact",
    items: [
      { id: "who-reviews", links: ["ce", "appealStatus", "transfer"] },
      { id: "contact-office", links: ["contacts"] },
      { id: "verify-archive", links: ["archive", "verify"] },
    ],
  },
];

const SHARES: Record<string, string> = { "2/3": "twoThirds", "1/2": "half" };

/** "每年不少于90学分，其中公需科目不少于30学分、专业科目不少于60学分". */
export function ceRequirement(ce: CeThresholds, t: FaqTranslator): string {
  const parts = [t("ce.total", { credits: ce.minTotal })];
  const split = [
    ce.minPublic > 0 && t("ce.public", { credits: ce.minPublic }),
    ce.minProfessional > 0 && t("ce.professional", { credits: ce.minProfessional }),
  ].filter((part) => part !== false);
  if (split.length > 0) parts.push(t("ce.split", { parts: split.join(t("and")) }));
  const share = ce.minProfessionalShare;
  if (share) {
    const { numerator, denominator } = share;
    const fraction = SHARES[`${numerator}/${denominator}`] ?? "other";
    parts.push(t("ce.share", { fraction, numerator, denominator }));
  }
  return parts.join(t("comma"));
}

/**
 * The questions in the reader's language. `ctx` holds the jurisdiction's words as configured
 * (in 简体中文, or converted for 繁體: lib/i18n/config-text.ts).
 */
export function faqGroups(ctx: FaqContext, t: FaqTranslator): FaqGroup[] {
  const values = {
    workArea: ctx.workArea,
    places: ctx.excludedNames.join(t("and")),
    requirement: ceRequirement(ctx.ce, t),
    basis: ctx.ce.basis,
  };
  return GROUPS.map((group) => ({
    id: group.id,
    title: t(`groups.${group.title}`),
    items: group.items
      .filter((q) => q.applies?.(ctx) ?? true)
      .map(({ id, links }) => ({
        id,
        question: t(`questions.${id}.question`, values),
        answer: t(`questions.${id}.answer`, values).split("\n"),
        links: links.map((key) => ({ href: LINKS[key], label: t(`links.${key}`) })),
        keywords: [
          t(`questions.${id}.keywords`),
          ...(id === "collected-elsewhere" ? ctx.excludedNames : []),
        ].join(" "),
      })),
  }));
}
