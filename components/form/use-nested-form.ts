"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { z } from "zod";
import { getAt, isUnder, type Path, setAt, shiftErrorsAfterRemoval } from "./paths";

export type NestedValues = Record<string, unknown>;

/** The first message per dotted path of a zod result ({} when valid). */
function issuesOf(schema: z.ZodType, values: unknown): Record<Path, string> {
  const r = schema.safeParse(values);
  const out: Record<Path, string> = {};
  if (!r.success) {
    for (const issue of r.error.issues) out[issue.path.map(String).join(".")] ??= issue.message;
  }
  return out;
}

/**
 * Form state for nested values (lists of entries, grouped ids): the sibling of `useForm` for
 * the collection wizard. Errors are keyed by dotted path, exactly as zod and the server report
 * them; a field's error shows after it is left (if it holds something) or on submit. With a
 * `storageKey`, unsaved input is mirrored to sessionStorage and restored after a reload or a
 * detour to another page — tagged with the saved values it was typed over, so when the server
 * holds something else by now (a save from another device), the newer save wins.
 */
export function useNestedForm<V extends NestedValues>(
  schema: z.ZodType,
  initial: V,
  options: { storageKey?: string } = {},
) {
  const { storageKey } = options;
  const [base] = useState(() => JSON.stringify(initial));
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<Record<Path, string>>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [restored, setRestored] = useState(false);
  const dirty = useRef(false);

  useEffect(() => {
    if (!storageKey) return;
    const saved = window.sessionStorage.getItem(storageKey);
    if (!saved) return;
    try {
      const parsed = JSON.parse(saved) as { base?: string; values?: V };
      if (parsed.base === base && parsed.values) {
        // Restoring unsaved input after mount is the point: the server render cannot know it.
        // eslint-disable-next-line react-hooks/set-state-in-effect
        setValues(parsed.values);
        setRestored(true);
        dirty.current = true;
      } else {
        window.sessionStorage.removeItem(storageKey);
      }
    } catch {
      window.sessionStorage.removeItem(storageKey);
    }
  }, [storageKey, base]);

  useEffect(() => {
    if (!storageKey || !dirty.current) return;
    window.sessionStorage.setItem(storageKey, JSON.stringify({ base, values }));
  }, [values, storageKey, base]);

  const get = useCallback((path: Path) => getAt(values, path), [values]);

  const set = useCallback((path: Path, value: unknown) => {
    dirty.current = true;
    setValues((v) => setAt(v, path, value));
    // A corrected field should not keep shouting: its error returns on blur if still wrong.
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !isUnder(k, path))));
  }, []);

  const blur = useCallback(
    (path: Path) => {
      const value = getAt(values, path);
      if (value === undefined || value === "") return;
      const message = issuesOf(schema, values)[path];
      setErrors((e) => {
        const next = { ...e };
        if (message) next[path] = message;
        else delete next[path];
        return next;
      });
    },
    [schema, values],
  );

  /** Shows every error of the schema; true when valid. */
  const validateAll = useCallback(() => {
    const found = issuesOf(schema, values);
    setErrors(found);
    setFormError(undefined);
    return Object.keys(found).length === 0;
  }, [schema, values]);

  const setServerErrors = useCallback((fieldErrors: Record<Path, string>, message?: string) => {
    setErrors(fieldErrors);
    setFormError(message);
  }, []);

  const addEntry = useCallback((listPath: Path, entry: unknown) => {
    dirty.current = true;
    setValues((v) => {
      const list = getAt(v, listPath);
      return setAt(v, listPath, [...(Array.isArray(list) ? list : []), entry]);
    });
    setErrors((e) => {
      const next = { ...e };
      delete next[listPath]; // "至少填写一条" no longer applies
      return next;
    });
  }, []);

  const removeEntry = useCallback((listPath: Path, index: number) => {
    dirty.current = true;
    setValues((v) => {
      const list = getAt(v, listPath);
      return setAt(v, listPath, Array.isArray(list) ? list.filter((_, i) => i !== index) : []);
    });
    setErrors((e) => shiftErrorsAfterRemoval(e, listPath, index));
  }, []);

  /** After a successful save: the server holds the input now. */
  const markSaved = useCallback(() => {
    dirty.current = false;
    setRestored(false);
    if (storageKey) window.sessionStorage.removeItem(storageKey);
  }, [storageKey]);

  return {
    values,
    errors,
    formError,
    /** Input was restored from this browser (typed but not saved before a reload). */
    restored,
    get,
    set,
    blur,
    error: (path: Path) => errors[path],
    validateAll,
    setServerErrors,
    setFormError,
    addEntry,
    removeEntry,
    markSaved,
  };
}

export type NestedForm = ReturnType<typeof useNestedForm>;
