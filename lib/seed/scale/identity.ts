import { gb11643CheckChar } from "@/lib/identity/gb11643";

// The seed's 公民身份号码 and phone numbers, both a function of the person's index so that they
// are unique without a lookup (2 million people, parallel batches, --append runs):
// - the birth date and the sequence number come from an affine permutation of the index over
//   every (day of 1960–2004, sequence pair) — distinct indexes never share both; the area code
//   and the parity of the sequence (the gender) are drawn freely, so they cannot collide either.
//   Sequences start at 100: the demo accounts (lib/seed/demo.ts) use 001–002.
// - phones are 19x numbers (190–199, real mobile segments): "19" and nine digits from another
//   permutation, so the seed's people are recognisable (--append counts them, --reset checks
//   nobody else is there) and never take a demo account's 138 number.

const DAY0 = Date.UTC(1960, 0, 1);
export const BIRTH_DAYS = (Date.UTC(2005, 0, 1) - DAY0) / 86_400_000;
const SEQUENCE_PAIRS = 450; // sequences 100–999: pairs (100,101) … (998,999)
const ID_SPACE = BIRTH_DAYS * SEQUENCE_PAIRS;
const ID_FACTOR = 1_000_003; // prime, coprime to ID_SPACE (a unit test checks)
const ID_OFFSET = 5_551_237;
const PHONE_SPACE = 1_000_000_000n;
const PHONE_FACTOR = 387_420_489n; // 3^18: coprime to 10^9
const PHONE_OFFSET = 123_456_789n;

/** Most people the index scheme can tell apart. */
export const MAX_PEOPLE = ID_SPACE;

export const SEED_PHONE_PREFIX = "19";

/** Birth date (YYYY-MM-DD) and sequence pair of person `index`. */
function birthSlot(index: number): { birthDate: string; pair: number } {
  const p = (((ID_FACTOR * index) % ID_SPACE) + ID_OFFSET) % ID_SPACE;
  const day = Math.floor(p / SEQUENCE_PAIRS);
  return {
    birthDate: new Date(DAY0 + day * 86_400_000).toISOString().slice(0, 10),
    pair: p % SEQUENCE_PAIRS,
  };
}

/** An 18-character GB 11643 number for person `index`, born in `areaCode`, of `gender`. */
export function idNumberFor(
  index: number,
  areaCode: string,
  gender: "1" | "2",
): { idNumber: string; birthDate: string } {
  const { birthDate, pair } = birthSlot(index);
  // 17th digit odd for men, even for women (GB 11643 §4.3).
  const sequence = 100 + pair * 2 + (gender === "1" ? 1 : 0);
  const body = `${areaCode}${birthDate.replaceAll("-", "")}${sequence}`;
  return { idNumber: body + gb11643CheckChar(body), birthDate };
}

export function phoneFor(index: number): string {
  // BigInt: the product passes 2^53 for indexes above about 23 million.
  const q = (PHONE_FACTOR * BigInt(index) + PHONE_OFFSET) % PHONE_SPACE;
  return SEED_PHONE_PREFIX + String(q).padStart(9, "0");
}
