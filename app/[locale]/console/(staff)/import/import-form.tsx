"use client";

import { useRef, useState, useTransition } from "react";
import { XlsxFileField } from "@/components/form/xlsx-file-field";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { type HistoryImportOutcome, importHistoryAction } from "./actions";
import { FILE_HINT, fileProblem } from "./import.validation";

/** Choose the file, 导入; the result gives the counts and, when rows were not imported, 错误报告. */
export function HistoryImportForm() {
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [result, setResult] = useState<HistoryImportOutcome | null>(null);
  const [pending, start] = useTransition();

  function send() {
    const problem = fileProblem(file);
    if (problem || !file) {
      setFileError(problem ?? undefined);
      input.current?.focus();
      return;
    }
    const data = new FormData();
    data.set("file", file);
    setFormError(undefined);
    start(async () => {
      const r = await importHistoryAction(data);
      if (r.ok) {
        setResult(r.data);
        return;
      }
      setFileError(r.fieldErrors.file);
      setFormError(r.formError);
    });
  }

  function downloadReport(base64: string) {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(
      new Blob([bytes], {
        type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      }),
    );
    const a = document.createElement("a");
    a.href = url;
    a.download = "历史档案导入错误报告.xlsx";
    a.click();
    URL.revokeObjectURL(url);
  }

  return (
    <div className="space-y-4">
      <XlsxFileField
        inputRef={input}
        error={fileError}
        hint={FILE_HINT}
        onFile={(chosen) => {
          setFile(chosen);
          setFileError(undefined);
          setFormError(undefined);
          setResult(null);
        }}
      />
      {formError && (
        <Alert variant="destructive">
          <AlertDescription>{formError}</AlertDescription>
        </Alert>
      )}
      <Button type="button" disabled={pending} onClick={send}>
        {pending && <Spinner />}
        导入
      </Button>
      {result && (
        <Alert variant={result.errors > 0 ? "destructive" : "success"}>
          <AlertDescription>
            <p role="status">
              导入{result.imported}人，已存在{result.exists}人，有误{result.errors}行
            </p>
            {result.report && (
              <Button
                type="button"
                variant="outline"
                className="mt-2"
                onClick={() => downloadReport(result.report!)}
              >
                下载错误报告
              </Button>
            )}
          </AlertDescription>
        </Alert>
      )}
    </div>
  );
}
