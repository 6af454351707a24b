import { describe, expect, it } from "vitest";
import { validateDocumentNumber } from "@/lib/identity/document-number";
import type { DocumentTypeCode } from "@/lib/identity/document-types";
import { gb11643CheckChar, hasValidGb11643Check } from "@/lib/identity/gb11643";
import { MIN_CANDIDATES, maskIdNumber } from "@/lib/identity/mask";

const NOW = new Date("2026-06-15T04:00:00Z");
const DIGITS = "0123456789";

interface Attack {
  type: DocumentTypeCode;
  sample: string;
  /** Positions a staff member may know from other clear facts (region, birth year, nationality). */
  known: readonly number[];
  /** What a hidden position can hold. */
  alphabet: (position: number) => string;
  passportIssuer?: "CN";
  /** A cheap necessary condition of validity, so the full check runs on fewer strings. */
  prefilter?: (candidate: string) => boolean;
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

/**
 * Brute force: every string that agrees with the sample on the shown and the known positions,
 * with every combination of the rest, counted when it is a valid number of the type with the
 * same mask and — where the number encodes them — the same gender and birth year.
 */
function countCandidates(attack: Attack, mask: (n: string) => string = maskIdNumber): number {
  const { sample, type } = attack;
  const shown = mask(sample);
  const fixed = new Set(attack.known);
  const open = range(0, sample.length).filter((i) => shown[i] === "*" && !fixed.has(i));
  const facts = validateDocumentNumber(type, sample, NOW, attack);
  if (!facts.ok) throw new Error(`sample ${sample} is not valid`);
  const chars = Array.from(sample);
  let count = 0;
  const visit = (k: number): void => {
    if (k === open.length) {
      const candidate = chars.join("");
      if (attack.prefilter && !attack.prefilter(candidate)) return;
      const doc = validateDocumentNumber(type, candidate, NOW, attack);
      if (
        doc.ok &&
        mask(candidate) === shown &&
        doc.gender === facts.gender &&
        doc.birthDate?.slice(0, 4) === facts.birthDate?.slice(0, 4)
      ) {
        count++;
      }
      return;
    }
    const position = open[k]!;
    for (const c of attack.alphabet(position)) {
      chars[position] = c;
      visit(k + 1);
    }
    chars[position] = sample[position]!;
  };
  visit(0);
  return count;
}

function gb11643(body17: string): string {
  return body17 + gb11643CheckChar(body17);
}

/** 18-character GB 11643 numbers: the region (or 9 + province + nationality) and year known. */
const gbAttack = (type: DocumentTypeCode, sample: string): Attack => ({
  type,
  sample,
  known: range(0, 10),
  alphabet: (i) => (i === 17 ? `${DIGITS}X` : DIGITS),
  prefilter: hasValidGb11643Check,
});

describe("maskIdNumber", () => {
  it("keeps the first 4 and last 2 of 18-character numbers", () => {
    expect(maskIdNumber("44010419900307123X")).toBe("4401************3X");
    expect(maskIdNumber("ABCD12345678901234WXYZ")).toBe("ABCD****************YZ");
  });

  it("keeps the first 1 and last 2 of 7–17 characters, first and last of 5–6", () => {
    expect(maskIdNumber("H12345678")).toBe("H******78");
    expect(maskIdNumber("USA440080010150")).toBe("U************50");
    expect(maskIdNumber("1234567")).toBe("1****67");
    expect(maskIdNumber("AB123")).toBe("A***3");
  });

  it("keeps the length and shows nothing of what no document has", () => {
    expect(maskIdNumber("AB12")).toBe("****");
    expect(maskIdNumber("AB")).toBe("**");
    expect(maskIdNumber("")).toBe("");
  });

  it("shows only characters the previous rule (4 + 4) showed, so stored masks narrow in SQL", () => {
    const old = (n: string) => n.slice(0, 4) + "*".repeat(n.length - 8) + n.slice(-4);
    for (const n of ["44010419900307123X", "ABCD12345678901234WXYZ", "9440840199001011230"]) {
      const now = maskIdNumber(n);
      const before = old(n);
      for (let i = 0; i < n.length; i++) if (now[i] !== "*") expect(before[i]).toBe(now[i]);
    }
  });

  it("hides at least 3 characters of every length a valid number can have (5 to 20)", () => {
    for (let n = 5; n <= 20; n++) {
      const hidden = [...maskIdNumber("A".repeat(n))].filter((c) => c === "*").length;
      // 3 hidden digits are 10^3 numbers: the floor for the types that encode nothing.
      expect(hidden, `length ${n}`).toBeGreaterThanOrEqual(3);
    }
  });
});

// Each count enumerates up to a million strings: a second or two, more on a busy machine.
describe(
  "candidates left by the mask and the clear facts (brute force)",
  { timeout: 60_000 },
  () => {
    const residentIds = [
      gb11643("44010419900307123"), // male, 1990
      "11010519491231002X", // female, 1949, check character X
      gb11643("65010220000229456"), // leap year
    ];

    it.each(residentIds)(
      "居民身份证 %s: at least 1,000 with region, year and gender known",
      (n) => {
        expect(countCandidates(gbAttack("RESIDENT_ID", n))).toBeGreaterThanOrEqual(MIN_CANDIDATES);
      },
    );

    it("the previous mask (last 4 shown) left a few dozen: the attack the rule closes", () => {
      const old = (n: string) => n.slice(0, 4) + "*".repeat(n.length - 8) + n.slice(-4);
      const left = countCandidates(gbAttack("RESIDENT_ID", residentIds[0]!), old);
      expect(left).toBeGreaterThan(0);
      expect(left).toBeLessThan(100);
    });

    it("港澳台居民居住证 and the 2023 永居证 (province and nationality known)", () => {
      const hmt = gbAttack("HMT_RESIDENCE", gb11643("81000019851120003"));
      expect(countCandidates(hmt)).toBeGreaterThanOrEqual(MIN_CANDIDATES);
      const pr2023 = gbAttack("FOREIGN_PR", gb11643("94408419900101123"));
      expect(countCandidates(pr2023)).toBeGreaterThanOrEqual(MIN_CANDIDATES);
    });

    it("2017 永居证: nationality letters and 4 more digits assumed known", () => {
      // Nothing is derived from its digits; even if 4 of them were a province and a birth year
      // a staff member knows, 6 hidden digits stay open.
      const attack: Attack = {
        type: "FOREIGN_PR",
        sample: "USA440080010150",
        known: range(0, 7),
        alphabet: () => DIGITS,
      };
      expect(countCandidates(attack)).toBeGreaterThanOrEqual(MIN_CANDIDATES);
    });

    it("通行证 and 护照 encode nothing: the hidden characters alone", () => {
      const digitsOnly = (type: DocumentTypeCode, sample: string, issuer?: "CN"): Attack => ({
        type,
        sample,
        known: [],
        alphabet: () => DIGITS,
        ...(issuer ? { passportIssuer: issuer } : {}),
      });
      expect(countCandidates(digitsOnly("HKMO_PERMIT", "H12345678"))).toBe(1_000_000);
      expect(countCandidates(digitsOnly("TW_PERMIT", "12345678"))).toBe(100_000);
      expect(countCandidates(digitsOnly("PASSPORT", "G12345678", "CN"))).toBe(1_000_000);
      // The shortest passport the form takes, digits only: exactly the floor.
      expect(countCandidates(digitsOnly("PASSPORT", "12345"))).toBe(MIN_CANDIDATES);
    });
  },
);
