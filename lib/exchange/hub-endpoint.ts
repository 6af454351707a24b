import "server-only";
import type { z } from "zod";
import type { Db } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
import { isHub } from "./config";
import { HUB_ERROR_STATUS, type HubResult } from "./hub-results";
import { errorResponse, jsonResponse, parseBody } from "./http";
import { verifyExchangeRequest } from "./verify-route";

// One hub route handler (app/api/exchange/v1/**), thin: served only on the hub (404 elsewhere),
// verify the signature → parse the body with the contract → call the service → JSON. The
// service's refusal code is the error code; its status comes from HUB_ERROR_STATUS.

export interface HubCall<B, P> {
  member: string;
  body: B;
  params: P;
}

interface Spec<B, P> {
  /** The request body's schema; GET routes have none. */
  body?: z.ZodType<B>;
  handle: (call: HubCall<B, P>) => Promise<HubResult<unknown>>;
}

type Context<P> = { params: Promise<P> };

export function hubEndpoint<B = undefined, P = Record<string, never>>(
  db: Db,
  spec: Spec<B, P>,
): (request: Request, context: Context<P>) => Promise<Response> {
  return async (request, context) => {
    if (!isHub()) return errorResponse(404, "not_hub", "本实例不是全国平台");
    const verified = await verifyExchangeRequest(db, request, { audience: "hub" });
    if (!verified.ok) return verified.response;
    let body = undefined as B;
    if (spec.body) {
      const parsed = parseBody(verified.text, spec.body);
      if (!parsed.ok) return parsed.response;
      body = parsed.data;
    }
    try {
      const params = await context.params;
      const result = await spec.handle({ member: verified.member, body, params });
      if (result.ok) return jsonResponse(result.data);
      return errorResponse(HUB_ERROR_STATUS[result.reason], result.reason, result.message);
    } catch (error) {
      logger.error(
        { err: error, member: verified.member, path: new URL(request.url).pathname },
        "exchange request failed",
      );
      return errorResponse(500, "internal", "系统繁忙，请稍后重试");
    }
  };
}
