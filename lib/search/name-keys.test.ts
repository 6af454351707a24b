import { describe, expect, it } from "vitest";
import { nameKeys, nameQuery } from "./name-keys";

describe("name keys", () => {
  it("gives full pinyin and initials without tones", () => {
    expect(nameKeys("张三丰")).toEqual({ pinyin: "zhangsanfeng", initials: "zsf" });
  });

  it("reads a surname as a surname (单 shan, 曾 zeng)", () => {
    expect(nameKeys("单雄信").pinyin).toBe("shanxiongxin");
    expect(nameKeys("曾小贤").initials).toBe("zxx");
  });

  it("writes ü as v, the way staff type it", () => {
    expect(nameKeys("吕布").pinyin).toBe("lvbu");
  });

  it("drops the middle dot of minority names and keeps Latin names as words", () => {
    expect(nameKeys("阿卜杜·热合曼")).toEqual({ pinyin: "abudureheman", initials: "abdrhm" });
    expect(nameKeys("Mary Smith")).toEqual({ pinyin: "marysmith", initials: "ms" });
  });
});

describe("name query", () => {
  it("reads letters as pinyin and anything with 汉字 as a name", () => {
    expect(nameQuery(" ZS ")).toEqual({ kind: "pinyin", value: "zs" });
    expect(nameQuery("zhang san")).toEqual({ kind: "pinyin", value: "zhangsan" });
    expect(nameQuery("张 三")).toEqual({ kind: "name", value: "张三" });
    expect(nameQuery("   ")).toBeNull();
  });
});
