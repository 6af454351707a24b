// Dotted paths into nested form values ("fullTime.0.graduatedOn"), as zod reports them and as
// the server's fieldErrors are keyed. Pure, so it is unit tested without a browser.

export type Path = string;

function keys(path: Path): string[] {
  return path === "" ? [] : path.split(".");
}

export function getAt(values: unknown, path: Path): unknown {
  let node = values;
  for (const key of keys(path)) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** A copy of `values` with `value` at `path`; missing objects and arrays are created. */
export function setAt<T>(values: T, path: Path, value: unknown): T {
  const [head, ...rest] = keys(path);
  if (head === undefined) return value as T;
  const index = /^\d+$/.test(head) ? Number(head) : undefined;
  const current = values as unknown;
  const child = setAt(getAt(current, head), rest.join("."), value);
  if (Array.isArray(current) || (current === undefined && index !== undefined)) {
    const copy = Array.isArray(current) ? [...current] : [];
    copy[index!] = child;
    return copy as T;
  }
  return { ...(current as Record<string, unknown> | undefined), [head]: child } as T;
}

/** `path` itself or anything under it ("fullTime" covers "fullTime.0.school"). */
export function isUnder(key: Path, path: Path): boolean {
  return key === path || key.startsWith(`${path}.`);
}

/**
 * Error keys after the entry `index` of the list at `listPath` was removed: the entry's own
 * errors go, later entries' errors move up one place, so each message stays at its entry.
 */
export function shiftErrorsAfterRemoval(
  errors: Record<Path, string>,
  listPath: Path,
  index: number,
): Record<Path, string> {
  const out: Record<Path, string> = {};
  const prefix = `${listPath}.`;
  for (const [key, message] of Object.entries(errors)) {
    if (!key.startsWith(prefix)) {
      out[key] = message;
      continue;
    }
    const [first, ...rest] = key.slice(prefix.length).split(".");
    const i = Number(first);
    if (!Number.isInteger(i) || i === index) continue;
    out[[listPath, i > index ? i - 1 : i, ...rest].join(".")] = message;
  }
  return out;
}

/** A path as a DOM id ("fullTime.0.school" → "fullTime-0-school"). */
export function pathId(path: Path): string {
  return path.replaceAll(".", "-");
}
