"use client";

import * as React from "react";
import { EyeIcon, EyeOffIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils/cn";
import { Input, type InputProps } from "./input";

export type PasswordInputProps = Omit<InputProps, "type">;

/**
 * Password input with a show/hide toggle (aria-label 显示密码 / 隐藏密码). Pass `id`,
 * `autoComplete` ("current-password" or "new-password") and fieldAria(...) as for Input.
 */
export function PasswordInput({ className, disabled, id, ...props }: PasswordInputProps) {
  const t = useTranslations("Auth");
  const [visible, setVisible] = React.useState(false);
  return (
    <div data-slot="password-input" className="relative w-full">
      <Input
        id={id}
        type={visible ? "text" : "password"}
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        disabled={disabled}
        className={cn("pr-12", className)}
        {...props}
      />
      <button
        type="button"
        aria-label={visible ? t("hidePassword") : t("showPassword")}
        aria-controls={id}
        disabled={disabled}
        onClick={() => setVisible((v) => !v)}
        className={cn(
          "absolute inset-y-0 right-0 inline-flex w-11 items-center justify-center rounded-r-md text-muted-foreground",
          "hover:text-foreground focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-ring",
          "disabled:cursor-not-allowed disabled:opacity-50",
        )}
      >
        {visible ? (
          <EyeOffIcon className="size-5" aria-hidden="true" />
        ) : (
          <EyeIcon className="size-5" aria-hidden="true" />
        )}
      </button>
    </div>
  );
}
