"use client";

import { useRef, useState, useTransition } from "react";
import { XlsxFileField } from "@/components/form/xlsx-file-field";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { ImportRow } from "@/lib/ce/course-import";
import { importCoursesAction } from "./actions";
import { FILE_HINT, fileProblem } from "./import.validation";

/**
 * Choose the file, 检查 it (every row checked on the server, problems listed by line), then
 * 确认导入 — offered only when every row is right. Choosing another file starts over.
 */
export function ImportForm() {
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const [rows, setRows] = useState<ImportRow[] | null>(null);
  const [summary, setSummary] = useState<string>();
  const [done, setDone] = useState<string>();
  const [pending, start] = useTransition();
  const allRight = rows !== null && rows.length > 0 && rows.every((r) => r.errors.length === 0);

  function send(mode: "check" | "import") {
    const problem = fileProblem(file);
    if (problem || !file) {
      setFileError(problem ?? undefined);
      input.current?.focus();
      return;
    }
    const data = new FormData();
    data.set("file", file);
    data.set("mode", mode);
    setFormError(undefined);
    start(async () => {
      const r = await importCoursesAction(data);
      if (r.ok) {
        if (r.data.imported !== null) {
          setDone(r.data.message);
          setRows(null);
          setFile(null);
          if (input.current) input.current.value = "";
        } else {
          setRows(r.data.rows);
          setSummary(r.data.message);
        }
        return;
      }
      setFileError(r.fieldErrors.file);
      setFormError(r.formError);
      if (Array.isArray(r.detail)) setRows(r.detail as ImportRow[]);
    });
  }

  return (
    <div className="space-y-4">
      {done && (
        <Alert variant="success">
          <AlertDescription>{done}</AlertDescription>
        </Alert>
      )}
      <XlsxFileField
        inputRef={input}
        error={fileError}
        hint={FILE_HINT}
        onFile={(chosen) => {
          setFile(chosen);
          setFileError(undefined);
          setRows(null);
          setDone(undefined);
          setFormError(undefined);
        }}
      />
      {formError && (
        <Alert variant="destructive">
          <AlertDescription>{formError}</AlertDescription>
        </Alert>
      )}
      <div className="flex flex-wrap gap-3">
        <Button type="button" variant="outline" disabled={pending} onClick={() => send("check")}>
          {pending && <Spinner />}
          检查
        </Button>
        {allRight && (
          <Button type="button" disabled={pending} onClick={() => send("import")}>
            确认导入{rows.length}条
          </Button>
        )}
      </div>
      {rows && (
        <div className="space-y-2">
          {summary && (
            <p role="status" className="text-sm font-medium">
              {summary}
            </p>
          )}
          <Table aria-label="检查结果">
            <TableHeader>
              <TableRow>
                <TableHead>行号</TableHead>
                <TableHead>检查结果</TableHead>
                <TableHead>姓名</TableHead>
                <TableHead>证件号码</TableHead>
                <TableHead>课程名称</TableHead>
                <TableHead>学习年度</TableHead>
                <TableHead>科目类别</TableHead>
                <TableHead>学分</TableHead>
                <TableHead>学习状态</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={r.line}>
                  <TableCell>{r.line}</TableCell>
                  <TableCell className="min-w-48">
                    {r.errors.length === 0 ? (
                      <span className="text-success">可以导入</span>
                    ) : (
                      <ul className="list-disc pl-4 text-destructive">
                        {r.errors.map((e) => (
                          <li key={e}>{e}</li>
                        ))}
                      </ul>
                    )}
                  </TableCell>
                  <TableCell className="whitespace-nowrap">{r.name}</TableCell>
                  <TableCell className="whitespace-nowrap">{r.idNumberMasked}</TableCell>
                  <TableCell className="min-w-40 wrap-anywhere">{r.courseName}</TableCell>
                  <TableCell>{r.year}</TableCell>
                  <TableCell className="whitespace-nowrap">{r.category}</TableCell>
                  <TableCell>{r.credits}</TableCell>
                  <TableCell className="whitespace-nowrap">{r.status}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </div>
  );
}
