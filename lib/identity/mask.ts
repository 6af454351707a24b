// Display masks for identifiers shown to staff and in logs. The masked form keeps the length,
// so people can still tell numbers of different kinds apart.

/**
 * 18+ characters (身份证, 居住证, 2023 永居证, long passports): first 4 and last 4 visible,
 * which hides the whole birth date: 4401**********123X.
 * 7–17 characters: first 1 and last 2 visible: H******78.
 * Up to 6 characters: first and last visible.
 */
export function maskIdNumber(normalized: string): string {
  const chars = Array.from(normalized);
  const n = chars.length;
  if (n === 0) return "";
  const [head, tail] = n >= 18 ? [4, 4] : n >= 7 ? [1, 2] : n >= 3 ? [1, 1] : [1, 0];
  return (
    chars.slice(0, head).join("") + "*".repeat(n - head - tail) + chars.slice(n - tail).join("")
  );
}
