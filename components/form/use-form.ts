"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { offerLogin } from "@/components/session/session-events";
import { isSessionEnded } from "@/lib/auth/session-ended";
import { FORM_ERROR_KEY, fieldErrorsFromIssues } from "@/lib/http/action-result";
import { useSourceText } from "@/components/i18n/use-source-text";
import { afterPress } from "./after-press";
import {
  checkWhenArrived,
  type FormSchema,
  isLazySchema,
  issuesOf,
  usePreloadedSchema,
  useSubmitCheck,
} from "./form-schema";
import { fieldCount, useRefusals } from "./focus-invalid";

export type FormValues = Record<string, string>;
type Values = FormValues;
/** Messages by field name, and the whole form's under FORM_ERROR_KEY. */
type Errors<V> = Partial<Record<keyof V | typeof FORM_ERROR_KEY, string>>;

/**
 * Form state for our forms: values, field errors from the shared zod schema (shown once a
 * field has been left or the form submitted), server errors, and — for `persist` keys — a copy
 * in sessionStorage so a reload or a slip of the back button loses nothing. Passwords and codes
 * are never persisted. A refused submit (validateAll false, or server errors at fields) moves
 * focus to the first invalid field and counts for InvalidSummary (focus-invalid.ts).
 */
export function useForm<V extends Values>(
  schema: FormSchema<V>,
  initial: V,
  options: { storageKey?: string; persist?: (keyof V)[] } = {},
) {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<Errors<V>>({});
  const { storageKey, persist } = options;
  const { attempt, bindForm, refuse } = useRefusals();

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

  usePreloadedSchema(schema);

  /** The schema's errors, none while a lazy one is still on its way. */
  const errorsOf = useCallback(
    (v: V): Errors<V> => {
      const current = isLazySchema(schema) ? schema.current() : schema;
      // Keys are the form's field names: its schema is an object of them.
      return current ? (fieldErrorsFromIssues(issuesOf(current, v)) as Errors<V>) : {};
    },
    [schema],
  );

  /** Fields whose message came from the server and whose value has not changed since. */
  const fromServer = useRef(new Set<keyof V>());

  const setValue = useCallback(<K extends keyof V>(name: K, value: V[K]) => {
    fromServer.current.delete(name);
    setValues((v) => ({ ...v, [name]: value }));
    // A corrected field should not keep shouting: its error returns on blur if still wrong.
    setErrors((e) => ({ ...e, [name]: undefined }));
  }, []);

  // Leaving a field shows what the schema finds wrong with it; a message the schema cannot find
  // (the server's "该证件号码已注册", with its 账号申诉 link) stays until the field is changed —
  // focus is put in that field after a refusal, and a click on the link blurs it first.
  const blurAgain = useRef<(name: keyof V) => void>(() => {});
  const blur = useCallback(
    (name: keyof V) => {
      if (checkWhenArrived(schema, () => blurAgain.current(name))) return;
      const found = errorsOf(values)[name];
      const server = fromServer.current.has(name);
      afterPress(() =>
        setErrors((e) => ({
          ...e,
          [name]: values[name] === "" ? undefined : (found ?? (server ? e[name] : undefined)),
        })),
      );
    },
    [schema, errorsOf, values],
  );
  useEffect(() => {
    blurAgain.current = blur;
  }, [blur]);

  /**
   * Validates the whole form; shows every error; returns whether it is valid (a lazy schema not
   * arrived yet finds nothing: the action's checks answer).
   */
  const validateAll = useCallback(
    (only?: (keyof V)[]) => {
      const found = errorsOf(values);
      const shown = only ? Object.fromEntries(only.map((k) => [k, found[k]])) : found;
      setErrors(shown as typeof errors);
      const valid = Object.values(shown).every((m) => !m);
      if (!valid) refuse();
      return valid;
    },
    [errorsOf, values, refuse],
  );

  const { ready, whenValid } = useSubmitCheck(schema, validateAll);

  const setServerErrors = useCallback(
    (fieldErrors: Record<string, string>, formError?: string) => {
      const whole = formError ?? fieldErrors[FORM_ERROR_KEY];
      setErrors({ ...(fieldErrors as Errors<V>), [FORM_ERROR_KEY]: whole });
      fromServer.current = new Set(Object.keys(fieldErrors).filter((k) => k !== FORM_ERROR_KEY));
      // The login ended: not a dead end — the login in place, and everything typed stays.
      if (isSessionEnded(whole)) offerLogin();
      if (fieldCount(fieldErrors) > 0) refuse();
    },
    [refuse],
  );

  // Messages are Chinese as the schema and the server write them; shown in the reader's language.
  const sourceText = useSourceText();
  const shown = useMemo(
    () =>
      Object.fromEntries(
        Object.entries(errors).map(([k, m]) => [k, typeof m === "string" ? sourceText(m) : m]),
      ) as Errors<V>,
    [errors, sourceText],
  );

  const clearStorage = useCallback(() => {
    if (storageKey) window.sessionStorage.removeItem(storageKey);
  }, [storageKey]);

  return {
    values,
    errors: shown,
    /** The message about the whole form, shown above its submit button. */
    formError: shown[FORM_ERROR_KEY],
    setValue,
    blur,
    /** A submit checks through whenValid; ready() before checking some fields only. */
    ready,
    whenValid,
    validateAll,
    setServerErrors,
    setErrors,
    clearStorage,
    /** Fields with an error now (the whole form's message apart). */
    invalidCount: fieldCount(errors),
    /** Refusals so far; InvalidSummary re-announces on each. */
    attempt,
    /** Attach to the <form>: focus after a refusal stays among its own fields. */
    bindForm,
    /** Moves focus to the first invalid field once the errors set with it are shown. */
    refuse,
  };
}

export type FormApi<V extends FormValues> = ReturnType<typeof useForm<V>>;
