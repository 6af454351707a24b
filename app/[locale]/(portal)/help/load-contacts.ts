import "server-only";
import { isBuildPhase, publishedFinanceContacts, renderAgainSoon } from "@/lib/cache/published";
import type { FinanceContact } from "@/lib/help/finance-contacts";

/**
 * Every office's contact for the static 帮助 page, or null when they cannot be read: `next build`
 * has no database, and the FAQ and the hotline must show anyway; either way the render is
 * replaced on a request a second later.
 */
export async function loadFinanceContacts(): Promise<FinanceContact[] | null> {
  if (isBuildPhase()) return null;
  try {
    return await publishedFinanceContacts();
  } catch (error) {
    console.error("财政部门联系方式加载失败", error);
    await renderAgainSoon();
    return null;
  }
}
