import { CheckIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils/cn";

export interface StepsProps {
  /** Step names in order, e.g. ["阅读须知", "个人信息", "学历信息", …]. */
  steps: readonly string[];
  /** 0-based index of the current step; steps before it are done. `steps.length` = all done. */
  current: number;
  /** Accessible name of the list; default "办理进度". */
  label?: string;
  className?: string;
}

/**
 * Step indicator. Every step is shown; done steps carry a check, the current one is highlighted
 * and has aria-current="step". On narrow screens the steps wrap into rows of up to four (a row that
 * scrolled sideways hid steps and was a scroll region keyboards could not reach) and a line above
 * them says "第 3 步，共 7 步：工作信息".
 */
export function Steps({ steps, current, label, className }: StepsProps) {
  const t = useTranslations("Steps");
  const total = steps.length;
  const index = Math.max(0, Math.min(current, total));

  if (total === 0) return null;

  return (
    <nav aria-label={label ?? t("label")} data-slot="steps" className={cn("w-full", className)}>
      <p data-slot="steps-position" className="mb-2 text-sm text-muted-foreground sm:sr-only">
        {index < total
          ? t("position", { n: index + 1, total, name: steps[index] ?? "" })
          : t("allDone", { total })}
      </p>
      <ol
        className="grid gap-y-3 pb-1 sm:flex"
        // up to four a row: a three-step flow (注册, 账号申诉) spreads over the whole width
        style={{ gridTemplateColumns: `repeat(${Math.min(total, 4)}, minmax(0, 1fr))` }}
      >
        {steps.map((name, i) => {
          const state = i < index ? "done" : i === index ? "current" : "todo";
          return (
            <li
              key={`${i}-${name}`}
              data-state={state}
              aria-current={state === "current" ? "step" : undefined}
              className="relative flex min-w-0 flex-1 flex-col items-center gap-1.5 px-1 text-center"
            >
              {i < total - 1 && (
                <span
                  aria-hidden="true"
                  className={cn(
                    // the line to the next step only where the steps stand in one row
                    "absolute top-3.5 left-[calc(50%+1.125rem)] hidden h-0.5 w-[calc(100%-2.25rem)] sm:block",
                    i < index ? "bg-primary" : "bg-border",
                  )}
                />
              )}
              <span
                aria-hidden="true"
                className={cn(
                  "relative z-10 flex size-7 items-center justify-center rounded-full border-2 text-sm font-semibold",
                  state === "done" && "border-primary bg-primary text-primary-foreground",
                  state === "current" &&
                    "border-primary bg-background text-primary ring-4 ring-primary-soft",
                  state === "todo" && "border-input bg-background text-muted-foreground",
                )}
              >
                {state === "done" ? <CheckIcon className="size-4" strokeWidth={3} /> : i + 1}
              </span>
              <span
                className={cn(
                  "text-sm leading-tight",
                  state === "current"
                    ? "font-semibold text-primary"
                    : state === "done"
                      ? "text-foreground"
                      : "text-muted-foreground",
                )}
              >
                {name}
                {state === "done" && <span className="sr-only">{t("done")}</span>}
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
