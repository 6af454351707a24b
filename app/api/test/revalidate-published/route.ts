// End-to-end tests only: what a publish action will do after writing a notice or a content block
// (lib/cache/published.ts), reachable without that action, which does not exist yet. A 404
// unless KUAIJI_ALLOW_TEST_SWITCHES=1 (never set on a real deployment).
import { revalidateContentBlocks, revalidateNotices } from "@/lib/cache/published";
import { testSwitchesAllowed } from "@/lib/config/test-switches";

export const dynamic = "force-dynamic";

export function POST() {
  if (!testSwitchesAllowed(process.env)) return new Response("Not Found", { status: 404 });
  revalidateNotices();
  revalidateContentBlocks();
  return new Response(null, { status: 204 });
}
