import { useCallback, useEffect } from "react";
import type { core } from "zod/mini";
import type { IssueLike } from "@/lib/http/action-result";

type Schema<V> = core.$ZodType<unknown, V>;

/**
 * A form's schema fetched after the page has shown: `lazySchema(() => import("./x.validation")
 * .then((m) => m.xSchema))` in the form's file keeps the validation library (zod, ~25 kB gzip:
 * the bundler cannot drop its unused parts) out of the page's first load (CONTRIBUTING,
 * first-load JavaScript). It arrives a moment after the page is interactive: a field left before
 * then is checked when it does (checkWhenArrived), and a submit waits for it (the hooks'
 * whenValid / ready). Should it never arrive (offline, a redeploy), the action checks everything.
 */
export interface LazySchema<V> {
  readonly current: () => Schema<V> | undefined;
  readonly load: () => Promise<Schema<V>>;
}

export type FormSchema<V> = Schema<V> | LazySchema<V>;

export function lazySchema<V>(load: () => Promise<Schema<V>>): LazySchema<V> {
  let schema: Schema<V> | undefined;
  let pending: Promise<Schema<V>> | undefined;
  return {
    current: () => schema,
    load: () =>
      (pending ??= load().then(
        (s) => (schema = s),
        (error: unknown) => {
          pending = undefined; // asked again at the next mount
          throw error;
        },
      )),
  };
}

export function isLazySchema<V>(schema: FormSchema<V>): schema is LazySchema<V> {
  return typeof (schema as Partial<LazySchema<V>>).load === "function";
}

/**
 * What the schema finds wrong with `value`, through the Standard Schema interface every zod
 * schema carries — so this module needs no zod code of its own. The forms' schemas are
 * synchronous; were one not, the action's answer would be the only check.
 */
export function issuesOf(schema: Schema<unknown>, value: unknown): readonly IssueLike[] {
  const result = schema["~standard"].validate(value);
  if (result instanceof Promise) return [];
  return (result.issues ?? []) as readonly IssueLike[];
}

/** Fetches a lazy schema as soon as the form is on the page (nothing for a plain one). */
export function usePreloadedSchema<V>(schema: FormSchema<V>): void {
  useEffect(() => {
    if (isLazySchema(schema))
      schema.load().catch(() => {
        // offline or the site redeployed: the action's checks still answer every submit
      });
  }, [schema]);
}

/**
 * A field left before its lazy schema has arrived: true, and `again` runs once it has (the
 * hooks pass their latest blur, so it checks the values of then). False when the schema is
 * there: check now.
 */
export function checkWhenArrived<V>(schema: FormSchema<V>, again: () => void): boolean {
  if (!isLazySchema(schema) || schema.current()) return false;
  schema.load().then(again, () => {
    // not arrived at all: the action's checks answer the submit
  });
  return true;
}

/**
 * A submit's check, for both form hooks: `ready()` resolves once the rules can check (at once
 * for a plain schema; for a lazy one when it has arrived, or failed to: the action's checks
 * answer then), and `whenValid(then)` validates the whole form at that moment and runs `then` if
 * it is valid — so a press in the moment after the page shows is checked like any other.
 */
export function useSubmitCheck<V>(schema: FormSchema<V>, validateAll: () => boolean) {
  const ready = useCallback(
    (): Promise<void> =>
      isLazySchema(schema) && !schema.current()
        ? schema.load().then(
            () => undefined,
            () => undefined,
          )
        : Promise.resolve(),
    [schema],
  );
  const whenValid = useCallback(
    (then: () => void) => {
      void ready().then(() => {
        if (validateAll()) then();
      });
    },
    [ready, validateAll],
  );
  return { ready, whenValid };
}
