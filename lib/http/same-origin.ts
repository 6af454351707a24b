// CSRF for the upload routes (POST /api/attachments, /api/appeal-photos): a page on another site
// can POST there with the user's cookie (a form or a no-cors fetch), but the browser always sends
// its own Origin with a cross-origin POST and the page cannot change it. A missing or unparsable
// Origin is refused too: our own XHR and fetch always send one.

export function sameOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  const host = headers.get("host");
  if (!origin || !host) return false;
  try {
    return new URL(origin).host.toLowerCase() === host.toLowerCase();
  } catch {
    return false;
  }
}
