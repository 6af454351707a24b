import "server-only";
import type { z } from "zod";

// The exchange's HTTP answers, shared by the hub's routes and a platform's notifications route:
// JSON, never cached, refusals in the contract's shape { error: { code, message } }
// (messages.ts errorAnswerSchema).

const HEADERS = { "Cache-Control": "no-store" } as const;

export function jsonResponse(data: unknown, status = 200): Response {
  return Response.json(data, { status, headers: HEADERS });
}

export function errorResponse(status: number, code: string, message: string): Response {
  return jsonResponse({ error: { code, message } }, status);
}

/**
 * The verified body parsed with the contract's schema, or the 400 to answer. Only the first
 * issue's path and message go back: zod's messages name the rule, not the value.
 */
export function parseBody<T>(
  text: string,
  schema: z.ZodType<T>,
): { ok: true; data: T } | { ok: false; response: Response } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, response: errorResponse(400, "invalid_json", "请求体不是有效的 JSON") };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, data: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.join(".") || "(body)";
  return {
    ok: false,
    response: errorResponse(
      400,
      "invalid_body",
      `请求体不符合接口约定：${where} ${issue?.message ?? ""}`.trim(),
    ),
  };
}
