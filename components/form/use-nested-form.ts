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
import { getAt, isUnder, type Path, setAt, shiftErrorsAfterRemoval } from "./paths";

export type NestedValues = Record<string, unknown>;

/** The first message per dotted path ({} when valid, or while a lazy schema is on its way). */
function errorsOf(schema: FormSchema<unknown>, values: unknown): Record<Path, string> {
  const current = isLazySchema(schema) ? schema.current() : schema;
  return current ? fieldErrorsFromIssues(issuesOf(current, values)) : {};
}

/** Field messages apart from the whole form's (FORM_ERROR_KEY), which shows above the form. */
function splitFormError(all: Record<Path, string>): [Record<Path, string>, string | undefined] {
  const { [FORM_ERROR_KEY]: whole, ...fields } = all;
  return [fields, whole];
}

/** Unsaved input kept in this tab, tagged with the draft revision it was typed on. */
interface StoredInput<V> {
  revision: number;
  values: V;
}

/**
 * Form state for nested values (lists of entries, grouped ids): the sibling of `useForm` for
 * the collection wizard. Errors are keyed by dotted path, exactly as zod and the server report
 * them; a field's error shows after it is left (if it holds something) or on submit.
 *
 * With a `storageKey`, unsaved input is mirrored to sessionStorage, tagged with the draft
 * revision it was typed on, and never dropped silently: after a reload (or a detour, or a new
 * login after the session ended) it comes back by itself while the server still holds that
 * revision; when the draft was saved elsewhere since, the page offers it (`pendingRestore`)
 * and the person chooses. A refused submit moves focus to the first invalid field and counts for
 * InvalidSummary, as in `useForm`.
 */
export function useNestedForm<V extends NestedValues>(
  schema: FormSchema<unknown>,
  initial: V,
  options: { storageKey?: string; revision?: number } = {},
) {
  const { storageKey } = options;
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<Record<Path, string>>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [restored, setRestored] = useState(false);
  const [pendingRestore, setPendingRestore] = useState<V | null>(null);
  const { attempt, bindForm, refuse } = useRefusals();
  const dirty = useRef(false);
  /** The revision the values on the page rest on: the page's, then each save's. */
  const revision = useRef(options.revision ?? 0);

  useEffect(() => {
    if (!storageKey) return;
    const saved = window.sessionStorage.getItem(storageKey);
    if (!saved) return;
    try {
      const parsed = JSON.parse(saved) as Partial<StoredInput<V>>;
      if (!parsed.values) throw new Error("no values");
      // Restoring unsaved input after mount is the point: the server render cannot know it.
      if (parsed.revision === revision.current) {
        // eslint-disable-next-line react-hooks/set-state-in-effect
        setValues(parsed.values);
        setRestored(true);
        dirty.current = true;
      } else {
        setPendingRestore(parsed.values);
      }
    } catch {
      window.sessionStorage.removeItem(storageKey);
    }
  }, [storageKey]);

  useEffect(() => {
    if (!storageKey || !dirty.current) return;
    const stored: StoredInput<V> = { revision: revision.current, values };
    window.sessionStorage.setItem(storageKey, JSON.stringify(stored));
  }, [values, storageKey]);

  /** The person's answer to `pendingRestore`: take the unsaved input, or drop it. */
  const resolveRestore = useCallback(
    (take: boolean) => {
      if (take && pendingRestore) {
        dirty.current = true;
        setValues(pendingRestore);
        setRestored(true);
      } else if (storageKey) {
        window.sessionStorage.removeItem(storageKey);
      }
      setPendingRestore(null);
    },
    [pendingRestore, storageKey],
  );

  const get = useCallback((path: Path) => getAt(values, path), [values]);

  /** Paths whose message came from the server and whose value has not changed since. */
  const fromServer = useRef(new Set<Path>());

  const set = useCallback((path: Path, value: unknown) => {
    dirty.current = true;
    for (const p of fromServer.current) if (isUnder(p, path)) fromServer.current.delete(p);
    setValues((v) => setAt(v, path, value));
    // A corrected field should not keep shouting: its error returns on blur if still wrong.
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !isUnder(k, path))));
  }, []);

  usePreloadedSchema(schema);

  const blurAgain = useRef<(path: Path) => void>(() => {});
  const blur = useCallback(
    (path: Path) => {
      const value = getAt(values, path);
      if (value === undefined || value === "") return;
      if (checkWhenArrived(schema, () => blurAgain.current(path))) return;
      const message = errorsOf(schema, values)[path];
      // A message the schema cannot find (the server's) stays until the field is changed.
      const server = fromServer.current.has(path);
      afterPress(() =>
        setErrors((e) => {
          const next = { ...e };
          if (message) next[path] = message;
          else if (!server) delete next[path];
          return next;
        }),
      );
    },
    [schema, values],
  );
  useEffect(() => {
    blurAgain.current = blur;
  }, [blur]);

  /** Shows every error of the schema (none while a lazy one is on its way); true when valid. */
  const validateAll = useCallback(() => {
    const [found, whole] = splitFormError(errorsOf(schema, values));
    setErrors(found);
    setFormError(whole);
    const valid = Object.keys(found).length === 0 && whole === undefined;
    if (!valid) refuse();
    return valid;
  }, [schema, values, refuse]);

  const { ready, whenValid } = useSubmitCheck(schema, validateAll);

  const setServerErrors = useCallback(
    (fieldErrors: Record<Path, string>, message?: string) => {
      const [fields, whole] = splitFormError(fieldErrors);
      setErrors(fields);
      fromServer.current = new Set(Object.keys(fields));
      setFormError(message ?? whole);
      // The login ended: not a dead end — the login in place, and everything typed stays.
      if (isSessionEnded(message ?? whole)) offerLogin();
      if (fieldCount(fields) > 0) refuse();
    },
    [refuse],
  );

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

  /** After a successful save: the server holds the input now, at `newRevision`. */
  const markSaved = useCallback(
    (newRevision: number) => {
      revision.current = newRevision;
      dirty.current = false;
      setRestored(false);
      if (storageKey) window.sessionStorage.removeItem(storageKey);
    },
    [storageKey],
  );

  // Messages are Chinese as the schema and the server write them; shown in the reader's language.
  const sourceText = useSourceText();
  const shown = useMemo(
    () => Object.fromEntries(Object.entries(errors).map(([k, m]) => [k, sourceText(m)])),
    [errors, sourceText],
  );

  return {
    values,
    errors: shown,
    formError: formError === undefined ? undefined : sourceText(formError),
    /** Input was restored from this browser (typed but not saved before a reload). */
    restored,
    /** Unsaved input from an older revision, waiting for `resolveRestore`. */
    pendingRestore: pendingRestore !== null,
    resolveRestore,
    get,
    set,
    blur,
    error: (path: Path): string | undefined => shown[path],
    /** A submit checks through whenValid; ready() before checking some fields only. */
    ready,
    whenValid,
    validateAll,
    setServerErrors,
    setFormError,
    addEntry,
    removeEntry,
    markSaved,
    /** Fields with an error now. */
    invalidCount: fieldCount(errors),
    /** Refusals so far; InvalidSummary re-announces on each. */
    attempt,
    /** Attach to the <form>: focus after a refusal stays among its own fields. */
    bindForm,
  };
}

export type NestedForm = ReturnType<typeof useNestedForm>;
