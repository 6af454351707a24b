import "server-only";
import { callHub, describeFailure, type ExchangeFailure } from "@/lib/exchange/client";
import {
  HUB_PATHS,
  lookupAnswerSchema,
  transferAnswerSchema,
  transferFileSchema,
} from "@/lib/exchange/messages";
import { logger } from "@/lib/log/logger";
import type { ExchangeAnswer, TransferExchange } from "./exchange-port";

// The receiving side's questions to the national exchange over the signed client
// (lib/exchange/client.ts). A failure becomes a sentence for the person; what went wrong goes to
// the log (without personal data).

export const EXCHANGE_UNAVAILABLE = "暂时无法连接全国平台，请稍后再试";
const NOT_AT_EXCHANGE = "全国平台没有该调转记录";

function failed(what: string, failure: ExchangeFailure): ExchangeAnswer<never> {
  if (failure.kind === "http" && failure.status === 404)
    return { ok: false, message: NOT_AT_EXCHANGE };
  logger.warn({ call: what, failure: describeFailure(failure) }, "exchange call failed");
  return { ok: false, message: EXCHANGE_UNAVAILABLE };
}

export function hubExchange(): TransferExchange {
  return {
    async lookup(name, idNumber, phone) {
      const body = { name, idNumber, phone };
      const r = await callHub(HUB_PATHS.lookup, "POST", body, lookupAnswerSchema);
      return r.ok ? { ok: true, value: r.data.transfers } : failed("lookup", r);
    },
    async transfer(id) {
      const r = await callHub(HUB_PATHS.transfer(id), "GET", undefined, transferAnswerSchema);
      return r.ok ? { ok: true, value: r.data.transfer } : failed("transfer", r);
    },
    async file(id) {
      const r = await callHub(HUB_PATHS.file(id), "GET", undefined, transferFileSchema, {
        timeoutMs: 60_000,
      });
      return r.ok ? { ok: true, value: r.data } : failed("file", r);
    },
  };
}
