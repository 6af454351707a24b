import { describe, expect, it } from "vitest";
import type { ExchangeFailure } from "./client";
import { recipientRefusal } from "./outbox-refusal";

const http = (status: number, code: string): ExchangeFailure => ({
  ok: false,
  kind: "http",
  status,
  code,
  message: "说明",
});

describe("recipientRefusal", () => {
  it("is final for a 4xx the recipient answered in the contract's shape", () => {
    for (const [status, code] of [
      [400, "invalid_body"],
      [403, "not_party"],
      [404, "not_found"],
      [409, "transfer_exists"],
      [413, "body_too_large"],
    ] as const) {
      expect(recipientRefusal(http(status, code))).toEqual({
        ok: false,
        reason: code,
        message: "说明",
        status,
      });
    }
  });

  it("leaves to retry what may pass later or did not come from the recipient", () => {
    const retried: ExchangeFailure[] = [
      http(500, "internal"),
      http(502, "http_502"),
      http(401, "bad_signature"),
      http(408, "http_408"),
      http(425, "too_early"),
      http(429, "rate_limited"),
      http(404, "http_404"),
      http(404, "not_hub"),
      http(404, "not_member"),
      { ok: false, kind: "network", message: "ECONNREFUSED" },
      { ok: false, kind: "bad_answer", status: 200, message: "x" },
    ];
    for (const failure of retried) expect(recipientRefusal(failure)).toBeNull();
  });
});
