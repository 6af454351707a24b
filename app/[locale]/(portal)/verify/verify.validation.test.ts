import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { CODE_MALFORMED, CODE_REQUIRED } from "@/lib/verification/code-format";
import { verifySchema } from "./verify.validation";

const messages = (code: string) => {
  const r = z.safeParse(verifySchema, { code });
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe("档案核验 form", () => {
  it("asks for a code, refuses one of the wrong shape, accepts one however typed", () => {
    expect(messages("  ")).toEqual([CODE_REQUIRED]);
    expect(messages("ABCD-1234")).toEqual([CODE_MALFORMED]);
    expect(messages("7K3M-9QWX-2HDP-ZR4U")).toEqual([CODE_MALFORMED]);
    expect(messages("7k3m 9qwx 2hdp zr4t")).toEqual([]);
  });
});
