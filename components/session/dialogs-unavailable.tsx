"use client";

import * as React from "react";

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
    const login = this.props.kind === "person" ? "/login" : "/console/login";
    return (
      <div
        role="alert"
        className="fixed inset-x-0 bottom-0 z-40 border-t bg-background p-3 shadow-lg print:hidden"
      >
        <p className="mx-auto max-w-5xl text-base">
          登录即将失效或已失效。本页填写的内容仍保留：请
          <a href={login} target="_blank" rel="noopener" className="mx-1 text-primary underline">
            在新窗口重新登录
          </a>
          后回到本页继续办理。
        </p>
      </div>
    );
  }
}
