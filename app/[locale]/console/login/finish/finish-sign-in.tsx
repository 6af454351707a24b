"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { decodeLoginError } from "@/lib/auth/login-error";

/**
 * Every step is done: next-auth's "staff" provider turns the sign-in (its cookie) into the
 * session, once — the ref keeps React's double effect in development from trying twice.
 */
export function FinishSignIn({ next }: { next: string }) {
  const router = useRouter();
  const started = useRef(false);
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void import("next-auth/react")
      .then(({ signIn }) => signIn("staff", { redirect: false }))
      .then((res) => {
        if (res?.ok && !res.error) {
          router.replace(next);
          router.refresh();
        } else setError(decodeLoginError(res?.error).message);
      })
      .catch(() => setError("网络异常，请重新登录"));
  }, [next, router]);
  if (!error) return <p role="status">正在进入财政部门管理端…</p>;
  return (
    <Alert variant="destructive">
      <AlertDescription>
        {error}{" "}
        <Link className="underline" href={`/console/login?next=${encodeURIComponent(next)}`}>
          重新登录
        </Link>
      </AlertDescription>
    </Alert>
  );
}
