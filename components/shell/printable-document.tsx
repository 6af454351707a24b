import type { ReactNode } from "react";
import { PrintButton } from "./print-button";

/**
 * A page people print (我的档案, 学分证明): a toolbar with 打印 that the printout leaves out, then
 * the paper itself — bordered on screen, bare on paper — under its centred title.
 */
export function PrintableDocument({
  titleId,
  title,
  toolbar,
  header,
  children,
}: {
  titleId: string;
  title: string;
  /** Left of 打印: a way back, a hint. */
  toolbar: ReactNode;
  /** Under the title: year, archive number, … */
  header: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="min-w-0 space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3 print:hidden">
        {toolbar}
        <PrintButton />
      </div>
      <article
        aria-labelledby={titleId}
        className="space-y-6 border bg-card p-4 sm:p-8 print:border-0 print:p-0"
      >
        <header className="space-y-2 border-b-2 border-foreground pb-4 text-center">
          <h1 id={titleId} className="text-2xl font-bold tracking-widest sm:text-3xl">
            {title}
          </h1>
          {header}
        </header>
        {children}
      </article>
    </div>
  );
}
