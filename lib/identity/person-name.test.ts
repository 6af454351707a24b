import { describe, expect, it } from "vitest";
import { normalizePersonName, validatePersonName } from "@/lib/identity/person-name";

function ok(raw: string) {
  const result = validatePersonName(raw);
  if (!result.ok) throw new Error(`expected "${raw}" to be accepted: ${result.message}`);
  return result;
}

function message(raw: string): string {
  const result = validatePersonName(raw);
  if (result.ok) throw new Error(`expected "${raw}" to be rejected`);
  return result.message;
}

describe("Chinese names", () => {
  it("accepts common names", () => {
    expect(ok("张三")).toEqual({ ok: true, normalized: "张三", script: "han" });
    expect(ok("欧阳娜娜").normalized).toBe("欧阳娜娜");
  });

  it("accepts rare characters outside the BMP and counts them as one character", () => {
    // 𠮷 U+20BB7 (Ext B), 𡘙 U+21619: two UTF-16 units each.
    expect(ok("𠮷野").normalized).toBe("𠮷野");
    expect(ok("𠮷𡘙").script).toBe("han");
    expect(message("𠮷")).toBe("中文姓名至少2个字");
    expect(ok("王〇")).toBeTruthy(); // 〇 is Han script
  });

  it("accepts minority names with the middle dot and normalises its variants", () => {
    expect(ok("买买提·艾力").normalized).toBe("买买提·艾力");
    expect(ok("买买提•艾力").normalized).toBe("买买提\u00B7艾力");
    expect(ok("买买提・艾力").normalized).toBe("买买提\u00B7艾力");
    expect(ok("买买提 · 艾力").normalized).toBe("买买提\u00B7艾力");
    expect(ok("阿卜杜拉·买买提·艾力").normalized).toBe("阿卜杜拉·买买提·艾力");
  });

  it("trims and removes spaces inside Chinese names", () => {
    expect(ok("  张 三  ").normalized).toBe("张三");
    expect(ok("张\u3000三丰").normalized).toBe("张三丰");
  });

  it("rejects misplaced dots, digits, symbols and mixed scripts", () => {
    expect(message("·艾力")).toBe("间隔号“·”只能用在姓名中间");
    expect(message("买买提·")).toBe("间隔号“·”只能用在姓名中间");
    expect(message("买买提··艾力")).toBe("间隔号“·”不能连续使用");
    expect(message("张三1")).toBe("姓名不能包含数字");
    expect(message("张三(小)")).toBe("姓名不能包含符号“(”");
    expect(message("张*")).toBe("姓名不能包含符号“*”");
    expect(message("张Wei")).toBe("姓名不能同时包含汉字和外文字母");
    expect(message("张-三")).toBe("中文姓名不能包含空格或标点，少数民族姓名请用间隔号“·”");
    expect(message("张\uE000")).toBe("姓名中有无法识别的字符，生僻字请用支持Unicode的输入法输入");
    expect(message("张三😀")).toBe("姓名不能包含符号“😀”");
  });

  it("NFC-normalises the input", () => {
    // "é" as e + combining acute becomes one code point.
    expect(normalizePersonName("Jose\u0301")).toBe("Jos\u00E9");
  });
});

describe("foreign names", () => {
  it("accepts Latin letters, spaces, hyphens, apostrophes and dots", () => {
    expect(ok("John Smith")).toEqual({ ok: true, normalized: "John Smith", script: "latin" });
    expect(ok("Mary-Jane O'Neil").normalized).toBe("Mary-Jane O'Neil");
    expect(ok("Mary-Jane O’Neil").normalized).toBe("Mary-Jane O'Neil");
    expect(ok("J. R. R. Tolkien").normalized).toBe("J. R. R. Tolkien");
    expect(ok("  José   García  ").normalized).toBe("José García");
    expect(ok("Nguyễn Thị Minh Khai").script).toBe("latin");
  });

  it("rejects what is not a name", () => {
    expect(message("")).toBe("请输入姓名");
    expect(message("   ")).toBe("请输入姓名");
    expect(message("A")).toBe("外文姓名至少2个字母");
    expect(message("John2")).toBe("姓名不能包含数字");
    expect(message("John_Smith")).toBe("姓名不能包含符号“_”");
    expect(message("john@example.com")).toBe("姓名不能包含符号“@”");
    expect(message("-John")).toBe("外文姓名应以字母开头");
    expect(message("John--Smith")).toBe("外文姓名中的标点不能连续重复");
    expect(message("...")).toBe("姓名应由汉字或外文字母组成");
    expect(message("Иван Петров")).toBe("外文姓名请按证件上的拉丁字母拼写填写");
    expect(message("さくら")).toBe("外文姓名请按证件上的拉丁字母拼写填写");
  });

  it("limits the length to 50 code points", () => {
    expect(ok("A".repeat(50)).normalized).toHaveLength(50);
    expect(message("A".repeat(51))).toBe("姓名不能超过50个字");
    expect(ok("𠮷".repeat(50)).normalized).toHaveLength(100); // 50 code points, 100 UTF-16 units
    expect(message("𠮷".repeat(51))).toBe("姓名不能超过50个字");
  });
});
