import "server-only";
import { headers } from "next/headers";
import * as z from "zod/mini";
import type { RequestContext } from "@/lib/audit/audit";
import { sessionOwnerTag } from "@/lib/account/session-clock";
import type { SessionPerson } from "@/lib/account/session-service";
import { type ActionResult, fieldErrorsFromIssues } from "@/lib/http/action-result";
import { clientInfoFromHeaders } from "@/lib/http/client-info";
import { localeFromHeaders, type Locale } from "@/lib/i18n/locales";
import { childLogger } from "@/lib/log/logger";
import { recordAction } from "@/lib/metrics/registry";
import { hasRole, ROLE_DENIED, type StaffRole } from "@/lib/codes/staff-roles";
import { SIGN_IN_EXPIRED } from "@/lib/staff/second-factor-service";
import type { SessionStaff } from "@/lib/staff/staff-session";
import { currentSession } from "./current-session";
import { ownerChanged, PAGE_OWNER_CHANGED } from "./page-owner";
import { currentStaff } from "./current-staff";
import { SESSION_ENDED, STAFF_SESSION_ENDED } from "./session-ended";
import { staffSignInToken } from "./staff-sign-in";

// Tests and services name the refusals through this module, as before.
export { SESSION_ENDED, STAFF_SESSION_ENDED };

export function fieldError(field: string, message: string): ActionResult<never> {
  return { ok: false, fieldErrors: { [field]: message } };
}

function formError(message: string): ActionResult<never> {
  return { ok: false, fieldErrors: {}, formError: message };
}

/** Input the form's own schema refuses: the same errors the form shows before sending. */
function invalid(error: z.core.$ZodError): ActionResult<never> {
  return { ok: false, fieldErrors: fieldErrorsFromIssues(error.issues) };
}

async function requestContext(): Promise<RequestContext & { requestId: string; locale: Locale }> {
  const h = await headers();
  return {
    ...clientInfoFromHeaders(h),
    requestId: h.get("x-request-id") ?? crypto.randomUUID(),
    // the page's language (proxy.ts): what an SMS asked for from it is written in
    locale: localeFromHeaders(h),
  };
}

/**
 * Runs a handler; an unexpected failure is logged with the request id (never the input: it
 * holds personal data) and the user gets a message with that reference — the form keeps
 * everything typed, so trying again costs nothing.
 */
async function guarded<T>(
  name: string,
  requestId: string,
  run: () => Promise<ActionResult<T>>,
): Promise<ActionResult<T>> {
  const started = performance.now();
  try {
    const result = await run();
    childLogger({ requestId, action: name }).info(
      { ok: result.ok, ms: Math.round(performance.now() - started) },
      "action",
    );
    recordAction(name, result.ok ? "ok" : "refused");
    return result;
  } catch (error) {
    // Name, code and stack only: messages of database errors can quote the input values.
    const err =
      error instanceof Error
        ? {
            type: error.name,
            code: (error as { code?: unknown }).code,
            stack: error.stack?.split("\n").slice(1).join("\n"),
          }
        : { type: typeof error };
    childLogger({ requestId, action: name }).error({ err }, "action failed");
    recordAction(name, "failed");
    return formError(
      `系统繁忙，请稍后重试。如多次失败，请联系客服并提供编号 ${requestId.slice(0, 8)}`,
    );
  }
}

/**
 * Builds an action for visitors who are not logged in: parse with the form's own zod schema
 * (the client is never trusted), then run the handler with the caller's IP and user agent.
 */
export function publicAction<S extends z.core.$ZodType, T>(
  name: string,
  schema: S,
  handler: (
    input: z.output<S>,
    ctx: { request: RequestContext; locale: Locale },
  ) => Promise<ActionResult<T>>,
) {
  return async (raw: z.input<S>): Promise<ActionResult<T>> => {
    const parsed = z.safeParse(schema, raw);
    if (!parsed.success) return invalid(parsed.error);
    const request = await requestContext();
    return guarded(name, request.requestId, () =>
      handler(parsed.data, { request, locale: request.locale }),
    );
  };
}

/** Builds an action for a logged-in accountant: session checked on the server first. */
export function personAction<S extends z.core.$ZodType, T>(
  name: string,
  schema: S,
  handler: (
    input: z.output<S>,
    ctx: { request: RequestContext; session: SessionPerson; locale: Locale },
  ) => Promise<ActionResult<T>>,
) {
  return async (raw: z.input<S>): Promise<ActionResult<T>> => {
    const request = await requestContext();
    // The session check reads the database too: inside `guarded`, so a database that is away
    // answers 系统繁忙 like any other failure instead of rejecting the call.
    return guarded(name, request.requestId, async () => {
      const session = await currentSession();
      if (!session) return formError(SESSION_ENDED);
      if (ownerChanged(raw, sessionOwnerTag({ personId: session.personId }))) {
        return formError(PAGE_OWNER_CHANGED);
      }
      const parsed = z.safeParse(schema, raw);
      if (!parsed.success) return invalid(parsed.error);
      return handler(parsed.data, { request, session, locale: request.locale });
    });
  };
}

/**
 * Builds an action for finance staff: the staff session is checked on the server first, then the
 * role the action needs. Region checks stay in the services, against the record itself.
 */
export function staffAction<S extends z.core.$ZodType, T>(
  name: string,
  role: StaffRole,
  schema: S,
  handler: (
    input: z.output<S>,
    ctx: { request: RequestContext; staff: SessionStaff },
  ) => Promise<ActionResult<T>>,
) {
  return async (raw: z.input<S>): Promise<ActionResult<T>> => {
    const request = await requestContext();
    return guarded(name, request.requestId, async () => {
      const staff = await currentStaff();
      if (!staff) return formError(STAFF_SESSION_ENDED);
      if (ownerChanged(raw, sessionOwnerTag({ staffId: staff.staffId }))) {
        return formError(PAGE_OWNER_CHANGED);
      }
      if (!hasRole(staff, role)) return formError(ROLE_DENIED);
      const parsed = z.safeParse(schema, raw);
      if (!parsed.success) return invalid(parsed.error);
      return handler(parsed.data, { request, staff });
    });
  };
}

/**
 * Builds an action for a step of a staff sign-in (password change, enrolment, 动态验证码): the
 * handler gets the sign-in's token from its httpOnly cookie, and the service decides whether that
 * sign-in is at this step. Such an action reaches nothing of the console: a sign-in is no session.
 */
export function staffSignInAction<S extends z.core.$ZodType, T>(
  name: string,
  schema: S,
  handler: (
    input: z.output<S>,
    ctx: { request: RequestContext; token: string },
  ) => Promise<ActionResult<T>>,
) {
  return async (raw: z.input<S>): Promise<ActionResult<T>> => {
    const token = await staffSignInToken();
    if (!token) return { ok: false, fieldErrors: {}, formError: SIGN_IN_EXPIRED, code: "expired" };
    const parsed = z.safeParse(schema, raw);
    if (!parsed.success) return invalid(parsed.error);
    const request = await requestContext();
    return guarded(name, request.requestId, () => handler(parsed.data, { request, token }));
  };
}
