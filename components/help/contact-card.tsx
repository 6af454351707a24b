import type { ReactNode } from "react";
import { ClockIcon, type LucideIcon, MapPinIcon, PhoneIcon } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import type { PlacedContact } from "@/lib/help/finance-contacts";
import { cn } from "@/lib/utils/cn";

/** One line of a contact: its icon, named for screen readers, and the value. */
function Fact({
  icon: Icon,
  label,
  children,
}: {
  icon: LucideIcon;
  label: string;
  children: ReactNode;
}) {
  return (
    <div className="flex items-start gap-2">
      <dt>
        <Icon className="mt-1 size-4 text-primary" aria-hidden="true" />
        <span className="sr-only">{label}</span>
      </dt>
      <dd>{children}</dd>
    </div>
  );
}

/**
 * One finance office as the 帮助 page lists it: its name and region, the phone as a link that
 * dials on a phone, the address and the office hours, as its staff entered them (简体中文,
 * marked so on a page of another language). Only next-intl's hooks: the static list (a server
 * component) and the logged-in visitor's own-office island both render it.
 */
export function ContactCard({
  contact,
  headingLevel: Heading = "h4",
  className,
}: {
  contact: PlacedContact;
  headingLevel?: "h4" | "h5";
  className?: string;
}) {
  const t = useTranslations("HelpContacts");
  const entered = useLocale() === DEFAULT_LOCALE ? undefined : DEFAULT_LOCALE;
  return (
    <article
      aria-label={contact.officeName}
      className={cn("rounded-lg border bg-card p-4 text-base", className)}
    >
      <Heading lang={entered} className="font-semibold">
        {contact.officeName}
      </Heading>
      <p lang={entered} className="text-sm text-muted-foreground">
        {contact.regionName}
      </p>
      <dl className="mt-3 grid gap-2">
        <Fact icon={PhoneIcon} label={t("phone")}>
          <a
            href={`tel:${contact.phone.replace(/\D/g, "")}`}
            className="inline-flex min-h-11 items-center font-medium text-primary underline underline-offset-4"
          >
            {contact.phone}
          </a>
        </Fact>
        <Fact icon={MapPinIcon} label={t("address")}>
          <span lang={entered}>{contact.address}</span>
        </Fact>
        {contact.hours && (
          <Fact icon={ClockIcon} label={t("hours")}>
            <span lang={entered}>{contact.hours}</span>
          </Fact>
        )}
      </dl>
    </article>
  );
}
