import { Untranslated } from "@/components/i18n/untranslated";

// Not translated yet: 简体中文 in every locale (README "Languages"); this file goes when it is.
export default function UntranslatedArea({ children }: { children: React.ReactNode }) {
  return <Untranslated>{children}</Untranslated>;
}
