"use client";

// A field's blur check shows its message at once — unless a press is under way: a click on 保存
// just below a mistyped field blurs the field on pointerdown, the message appears and pushes the
// button down, and the pointerup lands beside it: the click never happens, the form is never sent
// and nothing says why. While a pointer is down, the check waits until just after its click.

let pressing = false;
if (typeof window !== "undefined") {
  window.addEventListener("pointerdown", () => (pressing = true), true);
  const release = () => (pressing = false);
  window.addEventListener("pointerup", release, true);
  window.addEventListener("pointercancel", release, true);
}

/** Runs `check` now, or — while a pointer is pressed — after the press's click has been handled. */
export function afterPress(check: () => void): void {
  if (!pressing) return check();
  window.addEventListener("pointerup", () => setTimeout(check, 0), { once: true, capture: true });
}
