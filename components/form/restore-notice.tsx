"use client";

import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useSourceText } from "@/components/i18n/use-source-text";
import type { NestedForm } from "./use-nested-form";

/**
 * What `useNestedForm` restored from this browser, or offers to (saved elsewhere since). Chinese,
 * shown in the reader's language through the domain's catalogue (信息变更 shares it: see
 * nested-fields.tsx).
 */
export function RestoreNotice({ form }: { form: NestedForm }) {
  const text = useSourceText();
  return (
    <>
      {form.restored && (
        <Alert>
          <AlertDescription>{text("已恢复您在本浏览器中尚未保存的填写内容。")}</AlertDescription>
        </Alert>
      )}
      {form.pendingRestore && (
        <Alert role="alert">
          <AlertDescription className="space-y-3">
            <p>
              {text(
                "本页有您此前填写但尚未保存的内容；此后该信息已在其他页面或设备上保存过。请选择要使用的内容：",
              )}
            </p>
            <div className="flex flex-wrap gap-2">
              <Button type="button" size="sm" onClick={() => form.resolveRestore(true)}>
                {text("恢复未保存的内容")}
              </Button>
              <Button
                type="button"
                size="sm"
                variant="outline"
                onClick={() => form.resolveRestore(false)}
              >
                {text("使用已保存的内容")}
              </Button>
            </div>
          </AlertDescription>
        </Alert>
      )}
    </>
  );
}
