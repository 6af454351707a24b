import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { Messages } from "@/lib/i18n/messages";

type Namespace = keyof Messages;

/**
 * What the shared client components use, on any page: the shell, the steps bar, "Common" (打印,
 * the county picker …), the login form (the session dialogs and the console log in with it
 * too), the captcha, SMS and password parts (components/auth, components/ui/password-input) and
 * the domain's texts ("Lib", with the Chinese it is matched by, "LibSource":
 * lib/i18n/source-text.ts).
 */
const SHARED: Namespace[] = [
  "Shell",
  "PortalNav",
  "Error",
  "Steps",
  "Common",
  "Auth",
  "Login",
  "Lib",
];

/**
 * The messages the client components inside may use: the shared ones and the page's own
 * `namespaces` — not the whole site's, which every page's HTML would otherwise carry. Wrap a
 * page's client components in it (it replaces the provider above, so the shared ones come
 * again); a client component whose namespace is missing shows its key instead of its text.
 */
export async function ClientMessages({
  namespaces = [],
  children,
}: {
  namespaces?: Namespace[];
  children: React.ReactNode;
}) {
  const all = (await getMessages()) as Record<string, unknown>;
  const names = [...SHARED, ...namespaces, "LibSource"];
  const messages = Object.fromEntries(
    names.filter((name) => all[name] !== undefined).map((name) => [name, all[name]]),
  );
  return <NextIntlClientProvider messages={messages}>{children}</NextIntlClientProvider>;
}
