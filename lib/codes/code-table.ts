// One shape for every code table of the collection: stable ASCII/numeric codes (they are stored,
// never rename one), Chinese labels, the Chinese message for a value outside the table, and
// <select> options. The zod schema is built apart (code-table-schema.ts): a page that only shows
// or offers a table's labels does not load zod with it.

export interface CodeEntry<C extends string = string> {
  code: C;
  label: string;
}

export interface CodeTable<C extends string> {
  entries: readonly CodeEntry<C>[];
  codes: readonly [C, ...C[]];
  /** What a value outside the table is told (e.g. "请选择民族"). */
  message: string;
  options: readonly { value: C; label: string }[];
  is(value: unknown): value is C;
  /** The label of a code, or undefined for an unknown one (e.g. a code retired from the table). */
  label(code: string | null | undefined): string | undefined;
}

export function defineCodeTable<const C extends string>(
  entries: readonly CodeEntry<C>[],
  message: string,
): CodeTable<C> {
  if (entries.length === 0) throw new Error("a code table needs at least one entry");
  const labels = new Map<string, string>(entries.map((e) => [e.code, e.label]));
  if (labels.size !== entries.length) throw new Error("duplicate code in a code table");
  const codes = entries.map((e) => e.code) as unknown as readonly [C, ...C[]];
  return {
    entries,
    codes,
    message,
    options: entries.map((e) => ({ value: e.code, label: e.label })),
    is: (value: unknown): value is C => typeof value === "string" && labels.has(value),
    label: (code) => (code == null ? undefined : labels.get(code)),
  };
}
