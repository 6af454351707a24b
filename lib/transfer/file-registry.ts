import "server-only";
import { callHub, describeFailure } from "@/lib/exchange/client";
import { platformExchangeConfig } from "@/lib/exchange/config";
import { fileAnswerSchema, HUB_PATHS } from "@/lib/exchange/messages";
import { logger } from "@/lib/log/logger";

// Where a person's active file is, as the exchange keeps it (issue 10: "Registration asks the
// exchange whether the number has an active file elsewhere and, if so, says 已在<地区>完成信息采集，
// 请先在原平台办理调出"). The platform registers each file it collects (collection's submit, through
// the outbox) and asks before registering a new account.

/** Whether this platform talks to an exchange at all (a standalone deployment does not). */
export function exchangeConfigured(): boolean {
  try {
    platformExchangeConfig();
    return true;
  } catch {
    return false;
  }
}

export function heldElsewhereMessage(regionName: string): string {
  return `您已在${regionName}完成信息采集，请先在原平台办理调出，再到本平台办理“省外调入”`;
}

/**
 * The refusal for a number whose active file another platform holds, or null. An exchange that
 * cannot be reached does not stop a registration: the registry is a safeguard, and the person's
 * transfer would meet the same file later (logged for operators).
 */
export async function fileHeldElsewhere(
  idNumber: string,
  options: { fetch?: typeof fetch } = {},
): Promise<string | null> {
  if (!exchangeConfigured()) return null;
  const r = await callHub(HUB_PATHS.fileLookup, "POST", { idNumber }, fileAnswerSchema, options);
  if (!r.ok) {
    logger.warn(
      { failure: describeFailure(r) },
      "file registry lookup failed; registration goes on",
    );
    return null;
  }
  return r.data.file ? heldElsewhereMessage(r.data.file.regionName) : null;
}
