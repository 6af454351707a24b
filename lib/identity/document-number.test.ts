import { describe, expect, it } from "vitest";
import { normalizeDocumentNumber, validateDocumentNumber } from "@/lib/identity/document-number";

const NOW = new Date("2025-06-15T04:00:00Z");

/** Appends the MOD 11-2 check character, computed independently of the module. */
function withCheck(body17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * (2 ** (17 - i) % 11);
  return body17 + "10X98765432".charAt(sum % 11);
}

/** Same number with a wrong check character. */
function withWrongCheck(body17: string): string {
  const right = withCheck(body17).charAt(17);
  return body17 + (right === "0" ? "1" : "0");
}

function message(type: Parameters<typeof validateDocumentNumber>[0], raw: string): string {
  const result = validateDocumentNumber(type, raw, NOW);
  if (result.ok) throw new Error(`expected ${raw} to be rejected`);
  return result.message;
}

describe("normalizeDocumentNumber", () => {
  it("trims, removes inner spaces, upper-cases and converts full-width input", () => {
    expect(normalizeDocumentNumber("RESIDENT_ID", " 110105 19491231 002x ")).toBe(
      "11010519491231002X",
    );
    expect(normalizeDocumentNumber("RESIDENT_ID", "１１０１０５１９４９１２３１００２ｘ")).toBe(
      "11010519491231002X",
    );
    expect(normalizeDocumentNumber("TW_PERMIT", "1234567890（a）")).toBe("1234567890(A)");
  });
});

describe("居民身份证", () => {
  it("accepts the standard's examples and returns gender and birth date", () => {
    expect(validateDocumentNumber("RESIDENT_ID", "11010519491231002X", NOW)).toEqual({
      ok: true,
      normalized: "11010519491231002X",
      gender: "2",
      birthDate: "1949-12-31",
    });
    expect(validateDocumentNumber("RESIDENT_ID", "440524188001010014", NOW)).toEqual({
      ok: true,
      normalized: "440524188001010014",
      gender: "1",
      birthDate: "1880-01-01",
    });
  });

  it("accepts a lowercase x and stores it upper-case", () => {
    const result = validateDocumentNumber("RESIDENT_ID", "11010519491231002x", NOW);
    expect(result).toMatchObject({ ok: true, normalized: "11010519491231002X" });
  });

  it("accepts abolished county codes (they stay valid for life)", () => {
    // 440107 广州市芳村区 (merged into 荔湾区 in 2005), 110103 北京市崇文区 (merged 2010),
    // 440582 潮阳市 (became a district in 2003), 510202 重庆 under Sichuan's code before 1997.
    for (const body of [
      "44010719850615231",
      "11010319640229004",
      "44058219700101002",
      "51020219901010001",
    ]) {
      expect(validateDocumentNumber("RESIDENT_ID", withCheck(body), NOW).ok).toBe(true);
    }
  });

  it("rejects a wrong check character", () => {
    expect(message("RESIDENT_ID", withWrongCheck("44010419900307123"))).toBe(
      "校验码错误，请核对证件号码",
    );
    expect(message("RESIDENT_ID", "110105194912310021")).toBe("校验码错误，请核对证件号码");
  });

  it("rejects 30 February and 29 February of a common year, accepts it in a leap year", () => {
    expect(message("RESIDENT_ID", withCheck("44010419900230123"))).toBe(
      "出生日期无效，请核对证件号码第7至14位",
    );
    expect(message("RESIDENT_ID", withCheck("11010319620229004"))).toBe(
      "出生日期无效，请核对证件号码第7至14位",
    );
    expect(message("RESIDENT_ID", withCheck("11010319000229004"))).toBe(
      "出生日期无效，请核对证件号码第7至14位",
    );
    expect(
      validateDocumentNumber("RESIDENT_ID", withCheck("11010319640229004"), NOW),
    ).toMatchObject({
      ok: true,
      birthDate: "1964-02-29",
    });
    expect(
      validateDocumentNumber("RESIDENT_ID", withCheck("11010320000229004"), NOW),
    ).toMatchObject({
      ok: true,
      birthDate: "2000-02-29",
    });
  });

  it("rejects a birth date after today (Beijing) or before 1880", () => {
    expect(message("RESIDENT_ID", withCheck("44030420260101001"))).toBe(
      "出生日期不能晚于今天，请核对证件号码第7至14位",
    );
    expect(message("RESIDENT_ID", withCheck("44030420250616001"))).toBe(
      "出生日期不能晚于今天，请核对证件号码第7至14位",
    );
    expect(validateDocumentNumber("RESIDENT_ID", withCheck("44030420250615001"), NOW).ok).toBe(
      true,
    );
    expect(message("RESIDENT_ID", withCheck("44010418791231001"))).toBe(
      "出生日期不能早于1880年，请核对证件号码第7至14位",
    );
  });

  it("explains length and character problems", () => {
    expect(message("RESIDENT_ID", "")).toBe("请输入证件号码");
    expect(message("RESIDENT_ID", "   ")).toBe("请输入证件号码");
    expect(message("RESIDENT_ID", "4401041990030712")).toBe("证件号码应为18位（当前为16位）");
    expect(message("RESIDENT_ID", "4401041990030712391")).toBe("证件号码应为18位（当前为19位）");
    expect(message("RESIDENT_ID", "440104900307123")).toBe(
      "15位的第一代身份证号码已停止使用，请输入18位号码",
    );
    expect(message("RESIDENT_ID", "44010419900307123A")).toBe(
      "证件号码前17位应为数字，最后一位为数字或X",
    );
    expect(message("RESIDENT_ID", "4401041990030X1239")).toBe(
      "证件号码前17位应为数字，最后一位为数字或X",
    );
  });

  it("rejects impossible province prefixes", () => {
    expect(message("RESIDENT_ID", withCheck("99010419900307123"))).toContain(
      "外国人永久居留身份证",
    );
    expect(message("RESIDENT_ID", withCheck("01010419900307123"))).toBe(
      "证件号码前两位（省份代码）无效",
    );
    expect(message("RESIDENT_ID", withCheck("24010419900307123"))).toBe(
      "证件号码前两位（省份代码）无效",
    );
  });

  it("points residence-permit and 2023 permanent-residence numbers to their own type", () => {
    expect(message("RESIDENT_ID", withCheck("81000019950505002"))).toBe(
      "该号码是港澳台居民居住证号码，请将证件类型选为“港澳台居民居住证”",
    );
    expect(message("RESIDENT_ID", withCheck("94412419800101001"))).toBe(
      "该号码是外国人永久居留身份证号码，请将证件类型选为“外国人永久居留身份证”",
    );
  });
});

describe("港澳台居民居住证", () => {
  it("accepts 810000, 820000 and 830000 numbers", () => {
    expect(validateDocumentNumber("HMT_RESIDENCE", withCheck("81000019950505002"), NOW)).toEqual({
      ok: true,
      normalized: "810000199505050022",
      gender: "2",
      birthDate: "1995-05-05",
    });
    expect(validateDocumentNumber("HMT_RESIDENCE", "82000020000229003x", NOW)).toMatchObject({
      ok: true,
      normalized: "82000020000229003X",
      gender: "1",
    });
    expect(validateDocumentNumber("HMT_RESIDENCE", withCheck("83000019880808004"), NOW).ok).toBe(
      true,
    );
  });

  it("rejects other prefixes, bad dates and check characters", () => {
    const prefix = "港澳台居民居住证号码应以810000（香港）、820000（澳门）或830000（台湾）开头";
    expect(message("HMT_RESIDENCE", withCheck("81010019950505002"))).toBe(prefix);
    expect(message("HMT_RESIDENCE", "11010519491231002X")).toBe(prefix);
    expect(message("HMT_RESIDENCE", withCheck("82000019990229003"))).toBe(
      "出生日期无效，请核对证件号码第7至14位",
    );
    expect(message("HMT_RESIDENCE", withWrongCheck("83000019880808004"))).toBe(
      "校验码错误，请核对证件号码",
    );
  });
});

describe("外国人永久居留身份证", () => {
  it("accepts a 2023 card (9 + province + nationality + birth date + sequence + check)", () => {
    // 9, 44 广东, 124 Canada, 1980-01-01, sequence 001.
    expect(validateDocumentNumber("FOREIGN_PR", withCheck("94412419800101001"), NOW)).toEqual({
      ok: true,
      normalized: "944124198001010013",
      gender: "1",
      birthDate: "1980-01-01",
    });
  });

  it("rejects a 2023 card with a bad check character, date or province", () => {
    expect(message("FOREIGN_PR", withWrongCheck("94412419800101001"))).toBe(
      "校验码错误，请核对证件号码",
    );
    expect(message("FOREIGN_PR", withCheck("94412419800230001"))).toBe(
      "出生日期无效，请核对证件号码第7至14位",
    );
    expect(message("FOREIGN_PR", withCheck("98112419800101001"))).toBe(
      "证件号码第2至3位（受理地省份代码）无效",
    );
    expect(message("FOREIGN_PR", "11010519491231002X")).toBe(
      "外国人永久居留身份证号码（18位）应以9开头",
    );
  });

  it("accepts a 2017 card without deriving anything from it", () => {
    expect(validateDocumentNumber("FOREIGN_PR", "usa 440080 010150", NOW)).toEqual({
      ok: true,
      normalized: "USA440080010150",
      // The meaning of the digits is not reliably documented: no gender, no birth date.
    });
  });

  it("rejects malformed 2017 cards and wrong lengths", () => {
    expect(message("FOREIGN_PR", "US4400800101501")).toBe(
      "2017版外国人永久居留身份证号码应为3位字母加12位数字",
    );
    expect(message("FOREIGN_PR", "USA44008001015")).toBe(
      "2017版外国人永久居留身份证号码应为3位字母加12位数字",
    );
    expect(message("FOREIGN_PR", "9441241980010100")).toBe(
      "外国人永久居留身份证号码应为18位（2023年起签发）或15位（2017版）",
    );
  });
});

describe("港澳居民来往内地通行证", () => {
  it("accepts H/M with 8 or 10 digits", () => {
    for (const n of ["H12345678", "M12345678", "H1234567890", "h 1234 5678"]) {
      expect(validateDocumentNumber("HKMO_PERMIT", n, NOW).ok).toBe(true);
    }
    expect(validateDocumentNumber("HKMO_PERMIT", "h12345678", NOW)).toEqual({
      ok: true,
      normalized: "H12345678",
    });
  });

  it("rejects other shapes", () => {
    expect(message("HKMO_PERMIT", "12345678")).toBe(
      "港澳居民来往内地通行证号码应以H（香港）或M（澳门）开头",
    );
    expect(message("HKMO_PERMIT", "T12345678")).toBe(
      "港澳居民来往内地通行证号码应以H（香港）或M（澳门）开头",
    );
    for (const n of ["H1234567", "H123456789", "H123456789012", "H1234567A"]) {
      expect(message("HKMO_PERMIT", n)).toBe(
        "港澳居民来往内地通行证号码应为H或M加8位数字（旧证为10位数字）",
      );
    }
  });
});

describe("台湾居民来往大陆通行证", () => {
  it("accepts 8 digits and the legacy 10 digits with an optional bracketed letter", () => {
    for (const n of ["12345678", "1234567890", "1234567890(B)", "1234567890（b）"]) {
      expect(validateDocumentNumber("TW_PERMIT", n, NOW).ok).toBe(true);
    }
  });

  it("rejects other shapes", () => {
    for (const n of ["1234567", "123456789", "12345678(B)", "1234567890(BB)", "T1234567"]) {
      expect(message("TW_PERMIT", n)).toBe(
        "台湾居民来往大陆通行证号码应为8位数字（旧证为10位数字，可带括号字母）",
      );
    }
  });
});

describe("护照", () => {
  it("accepts Chinese and foreign passport numbers", () => {
    for (const n of [
      "E12345678",
      "EA1234567",
      "G12345678",
      "123456789",
      "X1234567",
      "C01X00T47",
      "AB12345",
    ]) {
      expect(validateDocumentNumber("PASSPORT", n, NOW).ok).toBe(true);
    }
    expect(validateDocumentNumber("PASSPORT", "ea 1234567", NOW)).toEqual({
      ok: true,
      normalized: "EA1234567",
    });
  });

  it("rejects symbols and lengths outside 5–20", () => {
    expect(message("PASSPORT", "E1234-5678")).toBe("护照号码只能包含字母和数字");
    expect(message("PASSPORT", "A123")).toBe("护照号码应为5至20位字母或数字");
    expect(message("PASSPORT", "A".repeat(21))).toBe("护照号码应为5至20位字母或数字");
  });

  it("enforces the Chinese formats when the passport is declared Chinese", () => {
    const cn = { passportIssuer: "CN" } as const;
    for (const n of ["E12345678", "EA1234567", "EZ1234567", "G12345678"]) {
      expect(validateDocumentNumber("PASSPORT", n, NOW, cn).ok).toBe(true);
    }
    for (const n of ["EI1234567", "EO1234567", "E1234567", "G1234567", "P12345678", "123456789"]) {
      expect(validateDocumentNumber("PASSPORT", n, NOW, cn).ok).toBe(false);
    }
  });
});
