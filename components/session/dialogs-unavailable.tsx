"use client";

import * as React from "react";
import { useTranslations } from "next-intl";

/**
 * Around the lazily loaded session dialogs: if their code cannot be fetched (a page left open
 * across a redeploy asks for a chunk that no longer exists), a plain notice takes their place —
 * without this the error would reach app/error.tsx and replace the page, typed input and all.
 */
export class DialogsUnavailable extends React.Component<
  { kind: "person" | "staff"; children: React.ReactNode },
  { failed: boolean }
> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    if (!this.state.failed) return this.props.children;
    return <LoginElsewhere kind={this.props.kind} />;
  }
}

/** The plain notice: its messages are already on the page (no chunk to fetch). */
function LoginElsewhere({ kind }: { kind: "person" | "staff" }) {
  const t = useTranslations("SessionDialogs");
  const login = kind === "person" ? "/login" : "/console/login";
  return (
    <div
      role="alert"
      className="fixed inset-x-0 bottom-0 z-40 border-t bg-background p-3 shadow-lg print:hidden"
    >
      <p className="mx-auto max-w-5xl text-base">
        {t.rich("unavailable", {
          link: (chunks) => (
            <a href={login} target="_blank" rel="noopener" className="mx-1 text-primary underline">
              {chunks}
            </a>
          ),
        })}
      </p>
    </div>
  );
}
