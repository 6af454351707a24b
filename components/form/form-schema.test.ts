import { describe, expect, it, vi } from "vitest";
import * as z from "zod/mini";
import { isLazySchema, issuesOf, lazySchema } from "./form-schema";

const schema = z.object({
  name: z.string().check(z.minLength(1, "请输入姓名")),
  phone: z.string().check(z.regex(/^1\d{10}$/, "手机号码格式不正确")),
});

describe("a form's schema", () => {
  it("reports each field's message at its path, as safeParse does", () => {
    expect(issuesOf(schema, { name: "", phone: "123" }).map((i) => [i.path, i.message])).toEqual([
      [["name"], "请输入姓名"],
      [["phone"], "手机号码格式不正确"],
    ]);
    expect(issuesOf(schema, { name: "张三", phone: "13800138000" })).toEqual([]);
  });

  it("finds nothing in a schema that only answers asynchronously (the action checks)", () => {
    const slow = z.string().check(z.refine(async () => false, "不会在浏览器显示"));
    expect(issuesOf(slow, "x")).toEqual([]);
  });

  it("is fetched once, on the first ask, and is there from then on", async () => {
    const load = vi.fn(() => Promise.resolve(schema));
    const lazy = lazySchema(load);
    expect(isLazySchema(lazy)).toBe(true);
    expect(isLazySchema(schema)).toBe(false);
    expect(load).not.toHaveBeenCalled();
    expect(lazy.current()).toBeUndefined();
    const [a, b] = await Promise.all([lazy.load(), lazy.load()]);
    expect(a).toBe(schema);
    expect(b).toBe(schema);
    expect(lazy.current()).toBe(schema);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("is asked for again after a failed fetch (a redeploy, a lost connection)", async () => {
    const load = vi
      .fn<() => Promise<typeof schema>>()
      .mockRejectedValueOnce(new Error("ChunkLoadError"))
      .mockResolvedValueOnce(schema);
    const lazy = lazySchema(load);
    await expect(lazy.load()).rejects.toThrow("ChunkLoadError");
    expect(lazy.current()).toBeUndefined();
    await expect(lazy.load()).resolves.toBe(schema);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
