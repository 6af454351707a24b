import type { DataStepId } from "@/lib/collection/steps";

/** Per person: unsaved input in this tab never shows to the next person who logs in here. */
export function stepStorageKey(personId: string, step: DataStepId): string {
  return `kuaiji:collection:${personId}:${step}`;
}

/** A step's saved input as the form's initial values ({} before the first save). */
export function savedInput(steps: Partial<Record<DataStepId, unknown>>, step: DataStepId) {
  const saved = steps[step];
  return saved && typeof saved === "object" && !Array.isArray(saved)
    ? (saved as Record<string, unknown>)
    : {};
}
