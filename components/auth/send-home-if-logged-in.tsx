"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useEffect } from "react";
import { useTranslations } from "next-intl";
import { useVisitor } from "./use-visitor";

const STAFF_HOME = "/console";

/**
 * 登录 and 用户注册 are for visitors who are not logged in: a logged-in accountant goes on to
 * `personTo` (个人中心, or where a login was asked for), finance staff to the console, instead of
 * meeting an empty form. The form shows until the browser knows.
 */
export function SendHomeIfLoggedIn({
  personTo = "/account",
  children,
}: {
  personTo?: string;
  children: ReactNode;
}) {
  const t = useTranslations("PortalNav");
  const router = useRouter();
  const visitor = useVisitor();
  const to = visitor?.kind === "person" ? personTo : visitor?.kind === "staff" ? STAFF_HOME : null;
  useEffect(() => {
    if (to) router.replace(to);
  }, [router, to]);
  if (!to) return children;
  return (
    <p role="status" className="rounded-md border bg-muted p-4">
      {t("goingHome", { home: t(to === STAFF_HOME ? "staffHome" : "personHome") })}
    </p>
  );
}
