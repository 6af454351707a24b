import { describe, expect, it } from "vitest";
import { MAX_UPLOAD_BYTES } from "@/lib/upload/limits";
import { UNSUPPORTED_FORMAT_MESSAGE } from "@/lib/upload/sniff";
import {
  precheckImage,
  resultFromResponse,
  TOO_LARGE_MESSAGE,
  UNEXPECTED_ANSWER_MESSAGE,
} from "./upload-attachment";

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]);
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const ELF = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);

describe("precheckImage", () => {
  it("accepts JPEG and PNG up to 5 MB", () => {
    expect(precheckImage(JPEG, 1000)).toBeNull();
    expect(precheckImage(PNG, MAX_UPLOAD_BYTES)).toBeNull();
  });

  it("refuses other formats by their bytes, whatever the file is called", () => {
    expect(precheckImage(ELF, 4096)).toBe(UNSUPPORTED_FORMAT_MESSAGE);
    expect(precheckImage(new Uint8Array([0xff, 0xd8]), 2)).toBe(UNSUPPORTED_FORMAT_MESSAGE);
  });

  it("refuses more than 5 MB", () => {
    expect(precheckImage(JPEG, MAX_UPLOAD_BYTES + 1)).toBe(TOO_LARGE_MESSAGE);
  });
});

describe("resultFromResponse", () => {
  it("reads a success", () => {
    expect(
      resultFromResponse(200, '{"ok":true,"attachmentId":"a-b","width":1,"height":2}'),
    ).toEqual({ ok: true, attachmentId: "a-b" });
  });

  it("passes the server's message on", () => {
    expect(resultFromResponse(422, '{"ok":false,"message":"图片已损坏"}')).toEqual({
      ok: false,
      message: "图片已损坏",
    });
  });

  it("marks a refusal for an ended login, so the field can send the same file again after it", () => {
    expect(resultFromResponse(401, '{"ok":false,"message":"登录已失效，请重新登录"}')).toEqual({
      ok: false,
      message: "登录已失效，请重新登录",
      sessionEnded: true,
    });
  });

  it("turns an answer that is not ours into a Chinese message", () => {
    expect(resultFromResponse(502, "<html>Bad Gateway</html>")).toEqual({
      ok: false,
      message: UNEXPECTED_ANSWER_MESSAGE,
    });
    expect(resultFromResponse(413, "Payload Too Large")).toEqual({
      ok: false,
      message: TOO_LARGE_MESSAGE,
    });
    expect(resultFromResponse(200, '{"ok":true}')).toEqual({
      ok: false,
      message: UNEXPECTED_ANSWER_MESSAGE,
    });
    expect(resultFromResponse(200, "null")).toEqual({
      ok: false,
      message: UNEXPECTED_ANSWER_MESSAGE,
    });
  });
});
