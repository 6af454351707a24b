// Display masks for identifiers shown to staff and in logs. The masked form keeps the length,
// so people can still tell numbers of different kinds apart.
//
// The rule: what a staff member sees in clear about a person — this mask, the region, the
// gender, the birth year (and so the age band), the nationality — must together leave at least
// MIN_CANDIDATES numbers. mask.test.ts counts them by brute force for every document type.

/** The fewest valid numbers the clear facts about a person may leave. */
export const MIN_CANDIDATES = 1000;

/**
 * - 18+ characters (身份证, 居住证, 2023 永居证, long passports): first 4 and last 2 visible:
 *   4401************3X. With the region, birth year and gender known, the month and day
 *   (365) and the first two sequence digits (100) stay open, the check character keeps about
 *   one in 11: some 3,300 numbers. The last 4 would leave 365/11 ≈ 33.
 * - 5–17 characters (通行证, 护照, 2017 永居证): numbers that encode no personal data (the 2017
 *   永居证 is not read either): first 1 and last 2 visible when at least 7, else first and last
 *   — 3 or more characters hidden, at least 10^3 numbers even for digits only.
 * - Under 5 characters (no valid document): nothing visible.
 *
 * Every character shown here was shown by the previous rule (4 + 4 for 18+), so a stored mask
 * is narrowed in SQL (migration mask_without_birth_date) without decrypting.
 */
export function maskIdNumber(normalized: string): string {
  const chars = Array.from(normalized);
  const n = chars.length;
  const [head, tail] = n >= 18 ? [4, 2] : n >= 7 ? [1, 2] : n >= 5 ? [1, 1] : [0, 0];
  return (
    chars.slice(0, head).join("") + "*".repeat(n - head - tail) + chars.slice(n - tail).join("")
  );
}
