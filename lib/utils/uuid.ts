// Row ids are UUIDs. Ids arrive from URLs and forms; anything else (a key, a path, a guess) names
// no row, and checking first keeps PostgreSQL from failing the query on a malformed uuid.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}
