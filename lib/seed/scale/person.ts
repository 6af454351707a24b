import type { CollectionRecord } from "@/lib/collection/whole-record";
import type { CeCategory } from "@/lib/ce/credit-kinds";
import type { OutTransferState } from "@/lib/transfer/out-states";
import { nameKeys, type NameKeys } from "@/lib/search/name-keys";
import { idNumberFor, phoneFor } from "./identity";
import { chineseName } from "./names";
import { type Rng, chance, int, pick, rngFor, type Weighted, weighted } from "./random";
import { collectionRecord } from "./record";

// One seeded person, everything the bulk insert writes for them, drawn from (seed, index) alone:
// registration, the collected record (version 1) or none, 继续教育 course records of the last two
// years, and now and then a closed 调出 application. Times are real instants (UTC); dates the
// person sees are Beijing dates, as the services write them.

export interface ScaleSetup {
  seed: number;
  /** Beijing today, "YYYY-MM-DD": nothing happens after it. */
  today: string;
  regions: Weighted<string>;
  /** City name without 市 per leaf region, for employer names. */
  cityNames: ReadonlyMap<string, string>;
  /** The jurisdiction's code: a registered person's region until collection sets it. */
  jurisdictionCode: string;
  transferDestinations: readonly { member: string; regionCode: string }[];
  /** Birthplaces outside the jurisdiction (a few ID numbers start with them). */
  otherAreas: readonly string[];
}

export interface ScaleCredit {
  year: number;
  category: CeCategory;
  tenths: number;
  state: "completed" | "enrolled";
  courseName: string;
  provider: string;
  at: Date;
}

export interface ScaleTransfer {
  state: Extract<OutTransferState, "transferred" | "withdrawn" | "returned">;
  destMember: string;
  destRegionCode: string;
  reason: string;
  createdAt: Date;
  reviewDueAt: Date;
  reviewedAt: Date | null;
  hubState: string | null;
  closedAt: Date;
}

export interface ScalePerson {
  index: number;
  name: string;
  keys: NameKeys;
  idNumber: string;
  gender: "1" | "2";
  birthDate: string;
  phone: string;
  regionCode: string;
  registeredAt: Date;
  /** null: registered only (信息采集 not done). */
  collection: { collectedAt: Date; record: CollectionRecord } | null;
  credits: ScaleCredit[];
  transfer: ScaleTransfer | null;
  /** Person.transferState: OUT_DONE after a completed 调出. */
  transferState: string | null;
}

const DAY = 86_400_000;
const BEIJING = 8 * 3_600_000;
const COLLECTION_START = Date.parse("2019-03-01T00:00:00+08:00");
/** Collections per year since the platform opened: most at the start, then a steady trickle. */
const COLLECTION_YEARS = weighted<number>([
  [2019, 30],
  [2020, 20],
  [2021, 12],
  [2022, 10],
  [2023, 9],
  [2024, 8],
  [2025, 7],
  [2026, 4],
]);
const PROVIDERS = [
  "广东省会计继续教育平台",
  "广东财经大学继续教育学院",
  "广州市会计学会",
  "某会计继续教育机构",
];
const PUBLIC_COURSES = ["会计人员职业道德规范", "新时代财经法规解读", "数字经济与会计信息化"];
const PROFESSIONAL_COURSES = [
  "企业会计准则专题",
  "管理会计实务",
  "政府会计制度",
  "税收政策与纳税筹划",
  "内部控制与风险管理",
];
const TRANSFER_STATES = weighted<ScaleTransfer["state"]>([
  ["transferred", 50],
  ["withdrawn", 30],
  ["returned", 20],
]);

/** Beijing date of an instant. */
const beijingDay = (ms: number) => new Date(ms + BEIJING).toISOString().slice(0, 10);

// Name keys repeat (a few tens of thousands of distinct names among millions): pinyin-pro is the
// slowest step of generation, so keep what was computed.
const keyCache = new Map<string, NameKeys>();
function keysOf(name: string): NameKeys {
  let keys = keyCache.get(name);
  if (!keys) {
    if (keyCache.size > 500_000) keyCache.clear();
    keys = nameKeys(name);
    keyCache.set(name, keys);
  }
  return keys;
}

/** A time of day between 08:00 and 22:00 Beijing on a random day in [fromMs, toMs]. */
function instantBetween(rng: Rng, fromMs: number, toMs: number): number {
  const dayStart = (ms: number) => Math.floor((ms + BEIJING) / DAY) * DAY - BEIJING;
  const first = dayStart(fromMs);
  const days = Math.max(0, Math.floor((dayStart(toMs) - first) / DAY));
  return first + int(rng, 0, days) * DAY + int(rng, 8 * 3600, 22 * 3600 - 1) * 1000;
}

/** An RFC 4122 version-4 layout from the person's generator (ids in the snapshot, stable). */
export function uuidFrom(rng: Rng): string {
  let hex = "";
  for (let i = 0; i < 4; i++)
    hex += Math.floor(rng() * 2 ** 32)
      .toString(16)
      .padStart(8, "0");
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function creditsOf(
  rng: Rng,
  setup: ScaleSetup,
  collectedAt: number,
  status: string,
): ScaleCredit[] {
  if (status === "STUDENT") return [];
  const thisYear = Number(setup.today.slice(0, 4));
  const out: ScaleCredit[] = [];
  const course = (
    year: number,
    category: CeCategory,
    tenths: number,
    state: ScaleCredit["state"],
  ) => {
    // From the day after collection: instantBetween picks whole days, and a course comes after
    // the archive it counts for.
    const yearStart = Math.max(collectedAt + DAY, Date.parse(`${year}-01-01T00:00:00+08:00`));
    const yearEnd = Math.min(
      Date.parse(`${setup.today}T00:00:00+08:00`),
      Date.parse(`${year}-12-31T00:00:00+08:00`),
    );
    if (yearStart > yearEnd) return;
    out.push({
      year,
      category,
      tenths,
      state,
      courseName: pick(rng, category === "PUBLIC" ? PUBLIC_COURSES : PROFESSIONAL_COURSES),
      provider: pick(rng, PROVIDERS),
      at: new Date(instantBetween(rng, yearStart, yearEnd)),
    });
  };
  // Last year: most finished it (公需 30 + 专业 60 or more); some did part; some nothing.
  const last = thisYear - 1;
  const r = rng();
  if (r < 0.65) {
    course(last, "PUBLIC", 300, "completed");
    course(last, "PROFESSIONAL", int(rng, 60, 72) * 10, "completed");
  } else if (r < 0.75) {
    course(last, "PROFESSIONAL", int(rng, 20, 50) * 10, "completed");
  }
  // This year: under way.
  const s = rng();
  if (s < 0.4) {
    course(thisYear, "PUBLIC", 300, "completed");
    course(
      thisYear,
      "PROFESSIONAL",
      int(rng, 60, 66) * 10,
      chance(rng, 0.85) ? "completed" : "enrolled",
    );
  } else if (s < 0.55) {
    course(thisYear, "PUBLIC", int(rng, 10, 30) * 10, chance(rng, 0.5) ? "completed" : "enrolled");
  }
  return out;
}

function transferOf(rng: Rng, setup: ScaleSetup, collectedAt: number): ScaleTransfer | null {
  const todayMs = Date.parse(`${setup.today}T00:00:00+08:00`);
  const from = Math.max(collectedAt + 30 * DAY, todayMs - 730 * DAY);
  if (from > todayMs - 40 * DAY) return null;
  const createdAt = instantBetween(rng, from, todayMs - 40 * DAY);
  const dest = pick(rng, setup.transferDestinations);
  const state = TRANSFER_STATES.draw(rng);
  const reviewDueAt = createdAt + 7 * DAY;
  const reviewedAt = state === "withdrawn" ? null : createdAt + int(rng, 1, 7) * DAY;
  const closedAt = (reviewedAt ?? createdAt) + int(rng, 1, 20) * DAY;
  return {
    state,
    destMember: dest.member,
    destRegionCode: dest.regionCode,
    reason: pick(rng, ["工作调动", "随配偶迁居", "到外省就业"]),
    createdAt: new Date(createdAt),
    reviewDueAt: new Date(reviewDueAt),
    reviewedAt: reviewedAt === null ? null : new Date(reviewedAt),
    hubState: state === "transferred" ? "received" : state === "returned" ? "rejected" : null,
    closedAt: new Date(closedAt),
  };
}

export function scalePerson(setup: ScaleSetup, index: number): ScalePerson {
  const rng = rngFor(setup.seed, index);
  const gender = chance(rng, 0.7) ? "2" : "1"; // most accountants are women
  const regionCode = setup.regions.draw(rng);
  const area = chance(rng, 0.7)
    ? regionCode
    : chance(rng, 0.7)
      ? setup.regions.draw(rng)
      : pick(rng, setup.otherAreas);
  const { idNumber, birthDate } = idNumberFor(index, area, gender);
  const name = chineseName(rng, gender);
  const keys = keysOf(name);
  const todayMs = Date.parse(`${setup.today}T00:00:00+08:00`);
  const adultAt = Date.parse(
    `${Number(birthDate.slice(0, 4)) + 19}${birthDate.slice(4)}T00:00:00+08:00`,
  );
  const earliest = Math.max(COLLECTION_START, adultAt);

  const attachmentIds = {
    headshot: uuidFrom(rng),
    portrait: uuidFrom(rng),
    emblem: uuidFrom(rng),
    studentCard: uuidFrom(rng),
  };
  const base = { index, name, keys, idNumber, gender, birthDate, phone: phoneFor(index) } as const;
  if (earliest >= todayMs || chance(rng, 0.08)) {
    return {
      ...base,
      regionCode: setup.jurisdictionCode,
      registeredAt: new Date(instantBetween(rng, earliest, todayMs - DAY)),
      collection: null,
      credits: [],
      transfer: null,
      transferState: null,
    };
  }
  const year = COLLECTION_YEARS.draw(rng);
  let collectedAt = instantBetween(
    rng,
    Date.parse(`${year}-01-01T00:00:00+08:00`),
    Date.parse(`${year}-12-31T00:00:00+08:00`),
  );
  if (collectedAt < earliest || collectedAt >= todayMs)
    collectedAt = instantBetween(rng, earliest, todayMs - DAY);
  const registeredAt = Math.max(
    earliest,
    collectedAt - int(rng, 0, 20) * DAY - int(rng, 60, 3600) * 1000,
  );
  const record = collectionRecord(rng, {
    birthDate,
    today: beijingDay(collectedAt),
    regionCode,
    cityName: setup.cityNames.get(regionCode) ?? "",
    pinyin: keys.pinyin,
    attachmentIds,
  });
  const transfer = chance(rng, 0.005) ? transferOf(rng, setup, collectedAt) : null;
  return {
    ...base,
    regionCode,
    registeredAt: new Date(Math.min(registeredAt, collectedAt)),
    collection: { collectedAt: new Date(collectedAt), record },
    credits: creditsOf(rng, setup, collectedAt, record.work.status),
    transfer,
    transferState: transfer?.state === "transferred" ? "OUT_DONE" : null,
  };
}
