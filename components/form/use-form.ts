"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { z } from "zod";

export type FormValues = Record<string, string>;
type Values = FormValues;

/**
 * Form state for our forms: values, field errors from the shared zod schema (shown once a
 * field has been left or the form submitted), server errors, and — for `persist` keys — a copy
 * in sessionStorage so a reload or a slip of the back button loses nothing. Passwords and codes
 * are never persisted.
 */
export function useForm<V extends Values>(
  schema: z.ZodType<unknown, V>,
  initial: V,
  options: { storageKey?: string; persist?: (keyof V)[] } = {},
) {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<Partial<Record<keyof V | "_form", string>>>({});
  const touched = useRef(new Set<keyof V>());
  const { storageKey, persist } = options;

  useEffect(() => {
    if (!storageKey) return;
    const saved = window.sessionStorage.getItem(storageKey);
    if (!saved) return;
    try {
      const parsed = JSON.parse(saved) as Partial<V>;
      // Restoring saved input after mount is the point: the server render cannot know it.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setValues((v) => ({ ...v, ...parsed }));
    } catch {
      window.sessionStorage.removeItem(storageKey);
    }
  }, [storageKey]);

  useEffect(() => {
    if (!storageKey || !persist) return;
    const keep: Partial<V> = {};
    for (const k of persist) keep[k] = values[k];
    window.sessionStorage.setItem(storageKey, JSON.stringify(keep));
  }, [values, storageKey, persist]);

  const issuesFor = useCallback(
    (v: V) => {
      const r = schema.safeParse(v);
      const out: Partial<Record<keyof V, string>> = {};
      if (!r.success) {
        for (const issue of r.error.issues) {
          const key = String(issue.path[0] ?? "_form") as keyof V;
          out[key] ??= issue.message;
        }
      }
      return out;
    },
    [schema],
  );

  const setValue = useCallback(<K extends keyof V>(name: K, value: V[K]) => {
    setValues((v) => ({ ...v, [name]: value }));
    // A corrected field should not keep shouting: its error returns on blur if still wrong.
    setErrors((e) => ({ ...e, [name]: undefined }));
  }, []);

  const blur = useCallback(
    (name: keyof V) => {
      touched.current.add(name);
      const found = issuesFor(values);
      setErrors((e) => ({ ...e, [name]: values[name] === "" ? undefined : found[name] }));
    },
    [issuesFor, values],
  );

  /** Validates the whole form; shows every error; returns whether it is valid. */
  const validateAll = useCallback(
    (only?: (keyof V)[]) => {
      const found = issuesFor(values);
      const shown = only ? Object.fromEntries(only.map((k) => [k, found[k]])) : found;
      setErrors(shown as typeof errors);
      return Object.values(shown).every((m) => !m);
    },
    [issuesFor, values],
  );

  const setServerErrors = useCallback((fieldErrors: Record<string, string>, formError?: string) => {
    setErrors({ ...(fieldErrors as Partial<Record<keyof V, string>>), _form: formError });
  }, []);

  const clearStorage = useCallback(() => {
    if (storageKey) window.sessionStorage.removeItem(storageKey);
  }, [storageKey]);

  return { values, errors, setValue, blur, validateAll, setServerErrors, setErrors, clearStorage };
}

export type FormApi<V extends FormValues> = ReturnType<typeof useForm<V>>;
