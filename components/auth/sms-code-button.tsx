"use client";

import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

/**
 * 获取短信验证码 with the 60-second countdown. The server enforces the interval too; this only
 * spares the user a refused request.
 */
export function SmsCodeButton({
  onRequest,
  disabled,
}: {
  /** Sends the code; resolves to the seconds before another may be asked for, or null on failure. */
  onRequest: () => Promise<number | null>;
  disabled?: boolean;
}) {
  const t = useTranslations("Auth");
  const [left, setLeft] = useState(0);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (left <= 0) return;
    const t = setTimeout(() => setLeft((s) => s - 1), 1000);
    return () => clearTimeout(t);
  }, [left]);

  return (
    <Button
      type="button"
      variant="outline"
      className="shrink-0"
      disabled={disabled || busy || left > 0}
      onClick={async () => {
        setBusy(true);
        try {
          const wait = await onRequest();
          if (wait) setLeft(wait);
        } finally {
          setBusy(false);
        }
      }}
    >
      {left > 0 ? t("smsResendIn", { seconds: left }) : busy ? t("smsSending") : t("smsSend")}
    </Button>
  );
}
