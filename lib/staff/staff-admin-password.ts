import "server-only";
import { randomInt } from "node:crypto";

// The initial (one-time) passwords a 管理员 or the operator hands over in person: for a new
// account, and after a reset of the password or of the second factor. The first login with one
// replaces it (mustChangePassword), so it only has to survive the way to its owner.

const CLASSES = ["ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnopqrstuvwxyz", "23456789", "@#%+=?"];
const LENGTH = 14;

/** 14 characters from four classes, none of them look-alikes (0/O, 1/l/I). */
export function generateInitialPassword(): string {
  const chars = CLASSES.map((c) => c[randomInt(c.length)]!);
  const all = CLASSES.join("");
  while (chars.length < LENGTH) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join("");
}
