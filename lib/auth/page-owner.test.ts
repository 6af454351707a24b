import { describe, expect, it } from "vitest";
import { messagesFor } from "@/lib/i18n/messages";
import { sourceTextTranslator } from "@/lib/i18n/source-text";
import {
  claimedPageOwner,
  ownerChanged,
  PAGE_OWNER_FIELD,
  UPLOAD_OWNER_CHANGED,
  UPLOAD_OWNER_MISSING,
  uploadOwnerRefusal,
} from "./page-owner";

describe("the page owner an action names", () => {
  it("is read from an object input, and only as a non-empty string", () => {
    expect(claimedPageOwner({ [PAGE_OWNER_FIELD]: "abc", name: "x" })).toBe("abc");
    expect(claimedPageOwner({ [PAGE_OWNER_FIELD]: "" })).toBeNull();
    expect(claimedPageOwner({ [PAGE_OWNER_FIELD]: 42 })).toBeNull();
    expect(claimedPageOwner({ name: "x" })).toBeNull();
    expect(claimedPageOwner(null)).toBeNull();
    expect(claimedPageOwner("abc")).toBeNull();
  });

  it("refuses another owner, accepts the session's and an input naming none", () => {
    expect(ownerChanged({ [PAGE_OWNER_FIELD]: "a" }, "b")).toBe(true);
    expect(ownerChanged({ [PAGE_OWNER_FIELD]: "a" }, "a")).toBe(false);
    expect(ownerChanged({ id: "1" }, "a")).toBe(false);
  });
});

describe("uploadOwnerRefusal", () => {
  it("lets the page's owner store the file", () => {
    expect(uploadOwnerRefusal("owner-a", "owner-a")).toBeNull();
  });

  it("refuses a page of another person than the one logged in now", () => {
    expect(uploadOwnerRefusal("owner-a", "owner-b")).toEqual({
      status: 409,
      message: UPLOAD_OWNER_CHANGED,
    });
  });

  it("refuses an upload that names no page owner", () => {
    for (const claimed of [null, undefined, ""]) {
      expect(uploadOwnerRefusal(claimed, "owner-a")).toEqual({
        status: 428,
        message: UPLOAD_OWNER_MISSING,
      });
    }
  });

  it("says its refusals in English too (the upload field shows them in the reader's language)", () => {
    const zhCN = messagesFor("zh-CN");
    const toEnglish = sourceTextTranslator(zhCN.Lib, messagesFor("en").Lib);
    for (const message of [UPLOAD_OWNER_CHANGED, UPLOAD_OWNER_MISSING]) {
      expect(toEnglish(message), message).not.toMatch(/\p{Script=Han}/u);
    }
  });
});
