import * as z from "zod/mini";

// One shape for every code table of the collection: stable ASCII/numeric codes (they are stored,
// never rename one), Chinese labels, a zod schema with a Chinese message, and <select> options.

export interface CodeEntry<C extends string = string> {
  code: C;
  label: string;
}

export interface CodeTable<C extends string> {
  entries: readonly CodeEntry<C>[];
  codes: readonly [C, ...C[]];
  /** Rejects anything outside the table with `message` (e.g. "请选择民族"). */
  schema: z.ZodMiniEnum<{ [K in C]: K }>;
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
    schema: z.enum(codes as unknown as [C, ...C[]], { error: () => message }) as z.ZodMiniEnum<{
      [K in C]: K;
    }>,
    options: entries.map((e) => ({ value: e.code, label: e.label })),
    is: (value: unknown): value is C => typeof value === "string" && labels.has(value),
    label: (code) => (code == null ? undefined : labels.get(code)),
  };
}
