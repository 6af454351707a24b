import { describe, expect, it } from "vitest";
import { ETHNIC_GROUPS } from "./ethnic-group";
import { ETHNIC_GROUP_CODES, ethnicGroupSchema } from "./ethnic-group-codes";

describe("民族 codes the browser checks", () => {
  it("are exactly the named table's", () => {
    expect(ETHNIC_GROUP_CODES).toEqual(ETHNIC_GROUPS.codes);
  });

  it("refuse anything else with the table's message", () => {
    expect(ethnicGroupSchema.safeParse("98").success).toBe(true);
    expect(ethnicGroupSchema.safeParse("57").error?.issues[0]?.message).toBe("请选择民族");
    expect(ethnicGroupSchema.safeParse("1").success).toBe(false);
  });
});
