"use client";

import { useCallback, useEffect, useState } from "react";
import { Input } from "@/components/ui/input";
import { FormField, fieldAria } from "@/components/ui/form-field";

export interface CaptchaValue {
  captchaId: string;
  captchaAnswer: string;
}

/**
 * 图形验证码: picture + answer. `refreshKey` changes whenever the parent has used the captcha
 * (each picture allows one try on the server), which loads a new one and clears the answer.
 */
export function CaptchaField({
  id = "captchaAnswer",
  value,
  onChange,
  error,
  refreshKey,
}: {
  id?: string;
  value: CaptchaValue;
  onChange: (v: CaptchaValue) => void;
  error?: string;
  refreshKey: number;
}) {
  const [svg, setSvg] = useState<string | null>(null);
  const [loadError, setLoadError] = useState(false);

  const load = useCallback(async () => {
    setLoadError(false);
    try {
      const res = await fetch("/api/captcha", { cache: "no-store" });
      if (!res.ok) throw new Error(String(res.status));
      const c = (await res.json()) as { id: string; svg: string };
      setSvg(c.svg);
      onChange({ captchaId: c.id, captchaAnswer: "" });
    } catch {
      setLoadError(true);
    }
    // onChange is deliberately left out: a new callback identity must not reload the picture.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    void load();
  }, [load, refreshKey]);

  return (
    <FormField id={id} label="图形验证码" required error={error ?? (loadError ? "图形验证码加载失败，请点击图片重试" : undefined)}>
      <div className="flex items-center gap-3">
        <Input
          {...fieldAria(id, error)}
          name="captchaAnswer"
          autoComplete="off"
          inputMode="text"
          maxLength={8}
          className="max-w-40"
          value={value.captchaAnswer}
          onChange={(e) => onChange({ ...value, captchaAnswer: e.target.value })}
        />
        <button
          type="button"
          onClick={() => void load()}
          className="h-10 w-[120px] shrink-0 overflow-hidden rounded border bg-white"
          aria-label="看不清，换一张"
          title="看不清，换一张"
        >
          {svg ? <img alt="图形验证码" src={`data:image/svg+xml;utf8,${encodeURIComponent(svg)}`} width={120} height={40} /> : null}
        </button>
      </div>
    </FormField>
  );
}
