// Every request gets an id (x-request-id) that logs and the user's error message share. One set
// by a trusted front proxy is kept when it is a UUID; anything else is replaced, since the id is
// written to logs and shown on screen.

export const REQUEST_ID_HEADER = "x-request-id";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function requestIdFrom(headers: Headers): string {
  const incoming = headers.get(REQUEST_ID_HEADER);
  return incoming && UUID.test(incoming) ? incoming.toLowerCase() : crypto.randomUUID();
}
