"use client";

import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { FormField, fieldAria } from "@/components/ui/form-field";
import { useSourceText } from "@/components/i18n/use-source-text";

export interface CaptchaValue {
  captchaId: string;
  captchaAnswer: string;
}

/**
 * 图形验证码: picture + answer. `refreshKey` changes whenever the parent has used the captcha
 * (each picture allows one try on the server), which loads a new one. The old picture and its
 * answer go at once, in the same commit as the parent's message (a layout effect: nothing can
 * type in between), and the field is read-only until the new picture shows: an answer is only
 * ever typed for the picture whose id goes with it.
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
  const t = useTranslations("Auth");
  const sourceText = useSourceText();
  const [reloads, setReloads] = useState(0);
  // The picture of the current load only: a used one disappears as soon as a new one is asked for.
  const load = `${refreshKey}:${reloads}`;
  const [picture, setPicture] = useState<{ load: string; src: string } | null>(null);
  const image = picture?.load === load ? picture.src : null;
  const [loadError, setLoadError] = useState<string | null>(null);
  // Latest onChange without making a new callback identity reload the picture.
  const onChangeRef = useRef(onChange);
  // The words for a failed load, likewise: a new translator must not load a new picture.
  const wordsRef = useRef({ loadFailed: t("captchaLoadFailed"), sourceText });
  useEffect(() => {
    onChangeRef.current = onChange;
    wordsRef.current = { loadFailed: t("captchaLoadFailed"), sourceText };
  });

  useLayoutEffect(() => {
    onChangeRef.current({ captchaId: "", captchaAnswer: "" });
  }, [load]);

  useEffect(() => {
    let cancelled = false;
    const { loadFailed: LOAD_FAILED, sourceText: said } = wordsRef.current;
    (async () => {
      const res = await fetch("/api/captcha", { cache: "no-store" });
      // 429: this address asked for too many pictures; the server says when to try again
      const body = (await res.json()) as { id: string; image: string } | { message: string };
      if (cancelled) return;
      if (!res.ok || !("id" in body)) {
        setLoadError(res.status === 429 && "message" in body ? said(body.message) : LOAD_FAILED);
        return;
      }
      setLoadError(null);
      setPicture({ load, src: body.image });
      onChangeRef.current({ captchaId: body.id, captchaAnswer: "" });
    })().catch(() => {
      if (!cancelled) setLoadError(LOAD_FAILED);
    });
    return () => {
      cancelled = true;
    };
  }, [load]);

  return (
    <FormField id={id} label={t("captcha")} required error={error ?? loadError ?? undefined}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <Input
          {...fieldAria(id, error)}
          name="captchaAnswer"
          autoComplete="off"
          inputMode="text"
          maxLength={8}
          readOnly={!image}
          className="max-w-40"
          value={value.captchaAnswer}
          onChange={(e) => onChange({ ...value, captchaAnswer: e.target.value })}
        />
        <span className="h-10 w-[120px] shrink-0 overflow-hidden rounded border bg-white">
          {/* A data: URL from our own server: an image, never markup injected into the page. */}
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL; next/image has nothing to optimise */}
          {image ? <img src={image} alt={t("captchaImage")} width={120} height={40} /> : null}
        </span>
        {/* Said in words, not only as a click on the picture: a voice user says what they see. */}
        <Button type="button" variant="ghost" onClick={() => setReloads((n) => n + 1)}>
          {t("captchaReload")}
        </Button>
      </div>
    </FormField>
  );
}
