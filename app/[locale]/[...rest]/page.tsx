import { notFound } from "next/navigation";

// Every path proxy.ts rewrites lands under app/[locale]; one no page serves is not found here,
// so app/[locale]/not-found.tsx answers it in the site's frame and the reader's language.
export default function Unmatched() {
  notFound();
}
