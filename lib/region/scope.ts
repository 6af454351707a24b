// Finance staff see and act on the records of their region: a province ("44"), a city ("4401")
// or a county ("440106") — GB/T 2260 codes read as prefixes. Pure, shared by every staff check.

/** A region scope as a code prefix ("440000" → "44", "440100" → "4401"), or null if malformed. */
export function regionScopePrefix(scope: string): string | null {
  if (!/^(\d{2}|\d{4}|\d{6})$/.test(scope) || scope.startsWith("00")) return null;
  if (scope.length === 6 && scope.endsWith("0000")) return scope.slice(0, 2);
  if (scope.length === 6 && scope.endsWith("00")) return scope.slice(0, 4);
  if (scope.length === 4 && scope.endsWith("00")) return scope.slice(0, 2);
  return scope;
}

/** Whether `regionCode` lies within one of the scopes. Malformed scopes (even "") cover nothing. */
export function regionWithin(regionCode: string, scopes: readonly string[]): boolean {
  if (!/^\d{6}$/.test(regionCode)) return false;
  return scopes.some((s) => {
    const prefix = regionScopePrefix(s);
    return prefix !== null && regionCode.startsWith(prefix);
  });
}

/** A finance staff member as every staff-facing service sees them: who, and what they administer. */
export interface StaffScope {
  staffId: string;
  /** GB/T 2260 prefixes: "44" a province, "4401" a city, "440106" a county ("440100" = "4401"). */
  regionCodes: readonly string[];
}

/**
 * The staff member's own region as a 6-digit code ("4401" → "440100"), or null: where what they
 * write for their office (a notice, 采集须知) is filed.
 */
export function ownRegionCode(scope: StaffScope): string | null {
  const prefix = scope.regionCodes.map(regionScopePrefix).find((p) => p !== null);
  return prefix ? prefix.padEnd(6, "0") : null;
}

/** A lookup by 证件号码 that found nobody in the staff member's region (or nobody at all). */
export const PERSON_NOT_IN_SCOPE = "本辖区内没有该证件号码的会计人员";

/**
 * The staff member's regions as a where clause on a table's `regionCode` (an index range each);
 * a scope of malformed codes matches nothing. Plain data, so any model's where input takes it.
 */
export function regionScopeWhere(
  scope: StaffScope,
): { OR: { regionCode: { startsWith: string } }[] } | { id: { in: string[] } } {
  const prefixes = scope.regionCodes.map(regionScopePrefix).filter((p): p is string => p !== null);
  if (prefixes.length === 0) return { id: { in: [] } };
  return { OR: prefixes.map((p) => ({ regionCode: { startsWith: p } })) };
}
