// Apart from the login form's schema (login.validation.ts): the page needs this at once, zod not.

/**
 * Only same-site paths are followed after login (no open redirect). Parsed as a URL, because
 * browsers drop tabs and newlines: "/\t/evil.example" would become "//evil.example".
 */
export function safeNextPath(next: string | null | undefined, fallback = "/account"): string {
  if (!next || !next.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(next)) return fallback;
  try {
    const base = "http://kuaiji.invalid";
    const url = new URL(next, base);
    return url.origin === base ? url.pathname + url.search + url.hash : fallback;
  } catch {
    return fallback;
  }
}
