import "server-only";
import type { z } from "zod";
import { errorAnswerSchema } from "./messages";
import { platformExchangeConfig, exchangeTimeoutMs, type PlatformExchangeConfig } from "./config";
import { signRequest, type Audience } from "./signing";

// Signed requests between a platform and the hub (messages.ts is the contract). A call answers
// with a typed result — the parsed answer, or why there is none — and never throws for what the
// network or the other side may do: the outbox retries on any failure, pages show a message.
//
// Who signs with which key (signing.ts): every member shares one secret with the hub.
// - A platform calling the hub signs audience "hub", member = its own code.
// - The hub calling a member signs audience "member", member = the addressee's code, with the
//   addressee's secret: the header X-Kuaiji-Member names whose secret signed, and the audience
//   keeps a request the hub sent from being replayed to the hub (and vice versa).

export type HttpMethod = "GET" | "POST" | "PUT";

export type ExchangeFailure =
  /** no answer: refused connection, DNS, timeout */
  | { ok: false; kind: "network"; message: string }
  /** the other side refused: its status and error code (messages.ts errorAnswerSchema) */
  | { ok: false; kind: "http"; status: number; code: string; message: string }
  /** a 2xx whose body is not what the contract says */
  | { ok: false; kind: "bad_answer"; status: number; message: string };

export type ExchangeResult<T> = { ok: true; status: number; data: T } | ExchangeFailure;

export interface CallOptions {
  /** For tests and in-process calls; the global fetch otherwise. */
  fetch?: typeof fetch;
  now?: Date;
  timeoutMs?: number;
}

export interface SignedCall<T> extends CallOptions {
  baseUrl: string;
  audience: Audience;
  member: string;
  secret: string;
  method: HttpMethod;
  path: string;
  /** JSON body; none for GET */
  body?: unknown;
  answer: z.ZodType<T>;
}

export async function signedCall<T>(call: SignedCall<T>): Promise<ExchangeResult<T>> {
  const url = `${call.baseUrl.replace(/\/+$/, "")}${call.path}`;
  const body = call.method === "GET" || call.body === undefined ? "" : JSON.stringify(call.body);
  const headers: Record<string, string> = signRequest({
    audience: call.audience,
    member: call.member,
    secret: call.secret,
    method: call.method,
    url,
    body,
    now: call.now,
  });
  if (body !== "") headers["Content-Type"] = "application/json";

  let response: Response;
  let text: string;
  try {
    response = await (call.fetch ?? fetch)(url, {
      method: call.method,
      headers,
      body: body === "" ? undefined : body,
      signal: AbortSignal.timeout(call.timeoutMs ?? exchangeTimeoutMs()),
      redirect: "error",
    });
    text = await response.text();
  } catch (error) {
    return { ok: false, kind: "network", message: networkMessage(error) };
  }

  const json = parseJson(text);
  if (!response.ok) {
    const refusal = errorAnswerSchema.safeParse(json);
    return refusal.success
      ? { ok: false, kind: "http", status: response.status, ...refusal.data.error }
      : {
          ok: false,
          kind: "http",
          status: response.status,
          code: `http_${response.status}`,
          message: `HTTP ${response.status}`,
        };
  }
  const parsed = call.answer.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      kind: "bad_answer",
      status: response.status,
      message:
        `答复不符合接口约定 / answer breaks the contract: ${issue?.path.join(".") || "(body)"} ${issue?.message ?? ""}`.trim(),
    };
  }
  return { ok: true, status: response.status, data: parsed.data };
}

/** A platform's request to the hub, with the platform's configuration (config.ts). */
export function callHub<T>(
  path: string,
  method: HttpMethod,
  body: unknown,
  answer: z.ZodType<T>,
  options: CallOptions & { config?: PlatformExchangeConfig } = {},
): Promise<ExchangeResult<T>> {
  const config = options.config ?? platformExchangeConfig();
  return signedCall({
    ...options,
    timeoutMs: options.timeoutMs ?? config.timeoutMs,
    baseUrl: config.hubUrl,
    audience: "hub",
    member: config.memberCode,
    secret: config.secret,
    method,
    path,
    body,
    answer,
  });
}

/** Where and how the hub reaches one member (hub-members.ts memberEndpoint reads it). */
export interface MemberEndpoint {
  code: string;
  baseUrl: string;
  /** Never log it. */
  secret: string;
}

/** The hub's request to a member (today only POST MEMBER_PATHS.notifications). */
export function callMember<T>(
  member: MemberEndpoint,
  path: string,
  body: unknown,
  answer: z.ZodType<T>,
  options: CallOptions = {},
): Promise<ExchangeResult<T>> {
  return signedCall({
    ...options,
    baseUrl: member.baseUrl,
    audience: "member",
    member: member.code,
    secret: member.secret,
    method: "POST",
    path,
    body,
    answer,
  });
}

/** For logs and OutboxMessage.lastError: the kind of failure, never a body or personal data. */
export function describeFailure(failure: ExchangeFailure): string {
  switch (failure.kind) {
    case "network":
      return `network: ${failure.message}`;
    case "http":
      return `http ${failure.status} ${failure.code}`;
    case "bad_answer":
      return `bad answer (http ${failure.status})`;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** "ECONNREFUSED", "TimeoutError"… — the cause's code, not the URL or anything sent. */
function networkMessage(error: unknown): string {
  if (!(error instanceof Error)) return "request failed";
  const cause = (error as { cause?: { code?: unknown } }).cause;
  if (cause && typeof cause.code === "string") return cause.code;
  return error.name === "Error" ? "request failed" : error.name;
}
