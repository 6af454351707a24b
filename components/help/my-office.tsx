"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import type { PlacedContact } from "@/lib/help/finance-contacts";
import { ContactCard } from "./contact-card";

/** What GET /help/my-office answers: the logged-in accountant's offices, their county's first. */
export type MyOfficeAnswer =
  | { person: false }
  | {
      person: true;
      /** "广东省 广州市 天河区"; null while the person has no region of their own yet. */
      regionName: string | null;
      contacts: PlacedContact[];
    };

/**
 * 您所属地区的财政部门, for a logged-in accountant only: the static 帮助 page cannot know who is
 * looking, so the browser asks (GET /help/my-office, read per request). Nothing for anyone else,
 * nor while the answer is on its way: the full list below serves them.
 */
export function MyOffice() {
  const t = useTranslations("HelpContacts");
  const [answer, setAnswer] = useState<MyOfficeAnswer>();
  useEffect(() => {
    let live = true;
    fetch("/help/my-office", { cache: "no-store" })
      .then((res) => (res.ok ? (res.json() as Promise<MyOfficeAnswer>) : undefined))
      .then((a) => live && a && setAnswer(a))
      .catch(() => undefined); // offline: the list below is still there
    return () => {
      live = false;
    };
  }, []);
  if (!answer?.person) return null;
  return (
    <section
      aria-labelledby="my-office-title"
      className="space-y-3 rounded-lg border-2 border-primary/40 bg-primary/5 p-4"
    >
      <h3 id="my-office-title" className="text-lg font-semibold">
        {t("mineTitle")}
      </h3>
      <p className="text-base">
        {answer.regionName ? t("mineRegion", { region: answer.regionName }) : t("mineNotCollected")}
      </p>
      {answer.contacts.length > 0 ? (
        <div className="grid gap-3 md:grid-cols-2">
          {answer.contacts.map((c) => (
            <ContactCard key={c.regionCode} contact={c} className="bg-background" />
          ))}
        </div>
      ) : (
        <p className="text-base text-muted-foreground">{t("mineNone")}</p>
      )}
    </section>
  );
}
