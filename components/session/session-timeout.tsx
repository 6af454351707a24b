import { ClientMessages } from "@/components/i18n/client-messages";
import { SessionWatch } from "./session-watch";

/**
 * The idle timeout's warning and login in place (session-watch.tsx), for the layouts of pages
 * behind login, with the messages its dialogs speak: in the reader's language on an
 * accountant's pages, in 简体中文 in the console (always zh-CN: lib/i18n/locales.ts).
 */
export function SessionTimeout(props: React.ComponentProps<typeof SessionWatch>) {
  return (
    <ClientMessages namespaces={["SessionDialogs"]}>
      <SessionWatch {...props} />
    </ClientMessages>
  );
}
