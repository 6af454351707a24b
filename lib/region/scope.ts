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
