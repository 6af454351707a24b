import type { SummaryRow, SummarySection } from "@/lib/collection/summary";
import { cn } from "@/lib/utils/cn";

// One rendering of summarizeRecord's sections for the screen (确认信息, later 信息变更) and for
// paper (the printable archive): the same structure, two looks.

export type SummaryVariant = "screen" | "paper";

/** Label/value pairs; stacked on phones. On paper, a ruled two-column form. */
export function SummaryRows({ rows, variant }: { rows: SummaryRow[]; variant: SummaryVariant }) {
  const paper = variant === "paper";
  return (
    <dl
      className={cn(
        "grid text-sm sm:grid-cols-[9rem_1fr]",
        paper ? "border-t print:grid-cols-[9rem_1fr]" : "gap-x-4 gap-y-2",
      )}
    >
      {rows.map((r, i) => (
        <div
          key={`${r.label}-${i}`}
          className={cn("grid sm:contents", paper ? "border-b print:contents" : "gap-0.5")}
        >
          <dt
            className={cn(
              "text-muted-foreground",
              paper &&
                "bg-muted/50 px-3 pt-2 sm:border-b sm:py-2 print:border-b print:py-2 print:text-foreground",
            )}
          >
            {r.label}
          </dt>
          <dd
            className={cn(
              "wrap-anywhere",
              paper && "px-3 pb-2 sm:border-b sm:py-2 print:border-b print:py-2",
            )}
          >
            {r.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** A section's rows, lists of entries and attachments (its title is the caller's). */
export function SummarySectionBody({
  section,
  variant,
  skipAttachmentId,
  entryTitle = (n) => `第 ${n} 条`,
  attachmentsTitle = "附件",
}: {
  section: SummarySection;
  variant: SummaryVariant;
  /** An attachment shown elsewhere on the page (the archive's headshot). */
  skipAttachmentId?: string;
  /** A translated page's words (确认信息); the printable archive stays Chinese, an official document. */
  entryTitle?: (n: number) => string;
  attachmentsTitle?: string;
}) {
  const paper = variant === "paper";
  const attachments = section.attachments.filter((a) => a.attachmentId !== skipAttachmentId);
  return (
    <>
      {section.rows.length > 0 && <SummaryRows rows={section.rows} variant={variant} />}
      {section.lists.map((list) => (
        <div key={list.title} className="space-y-2">
          {/* 奖励信息's one list would repeat the section's title. */}
          {list.title !== section.title && <h3 className="font-medium">{list.title}</h3>}
          {list.entries.length === 0 ? (
            <p className={cn("text-sm", !paper && "text-muted-foreground")}>{list.empty}</p>
          ) : (
            <ol className="space-y-3">
              {list.entries.map((entry, i) => (
                <li
                  key={i}
                  className={paper ? "break-inside-avoid space-y-1" : "rounded-md border p-3"}
                >
                  <p
                    className={cn(
                      "text-sm text-muted-foreground",
                      paper ? "print:text-foreground" : "mb-2 font-medium",
                    )}
                  >
                    {entryTitle(i + 1)}
                  </p>
                  <SummaryRows rows={entry} variant={variant} />
                </li>
              ))}
            </ol>
          )}
        </div>
      ))}
      {attachments.length > 0 && (
        <div className="space-y-2">
          <h3 className="font-medium">{attachmentsTitle}</h3>
          <ul
            className={cn(
              "grid gap-3",
              paper ? "grid-cols-1 sm:grid-cols-2 print:grid-cols-2" : "grid-cols-2 sm:grid-cols-3",
            )}
          >
            {attachments.map((a) => (
              <li
                key={`${a.label}-${a.attachmentId}`}
                className={cn("min-w-0 space-y-1", paper && "break-inside-avoid")}
              >
                {/* An authenticated route serves the upload: next/image would re-fetch it without the session. */}
                {/* eslint-disable-next-line @next/next/no-img-element */}
                <img
                  src={`/api/attachments/${a.attachmentId}`}
                  alt={a.label}
                  className={cn(
                    "w-full border object-contain",
                    paper ? "aspect-[3/2]" : "aspect-[4/3] rounded-md bg-muted",
                  )}
                />
                {/* the picture's alt says it already: a screen reader hears the name once */}
                <p
                  aria-hidden="true"
                  className={cn("text-sm", paper ? "text-center" : "text-xs text-muted-foreground")}
                >
                  {a.label}
                </p>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
