import * as z from "zod/mini";
import type { CodeTable } from "./code-table";

type CodeSchema<C extends string> = z.ZodMiniEnum<{ [K in C]: K }>;

const built = new WeakMap<CodeTable<string>, CodeSchema<string>>();

/** zod: one of the table's codes, else the table's Chinese message (e.g. "请选择民族"). */
export function codeTableSchema<C extends string>(table: CodeTable<C>): CodeSchema<C> {
  let schema = built.get(table) as CodeSchema<C> | undefined;
  if (!schema) {
    schema = z.enum(table.codes as unknown as [C, ...C[]], {
      error: () => table.message,
    }) as CodeSchema<C>;
    built.set(table, schema as unknown as CodeSchema<string>);
  }
  return schema;
}
