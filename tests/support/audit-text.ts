/** An audit row as text, every column included (ids and the chain's position are bigints). */
export function auditText(row: unknown): string {
  return JSON.stringify(row, (_key, value: unknown) =>
    typeof value === "bigint" ? String(value) : value,
  );
}
