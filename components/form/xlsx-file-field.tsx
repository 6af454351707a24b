"use client";

import type { Ref } from "react";
import { FormField, fieldAria } from "@/components/ui/form-field";

/**
 * Excel文件 for an import form: one .xlsx, the template's rules in the hint, the field's error
 * below it. `onFile` runs on every choice (the form clears what the last file left on screen).
 */
export function XlsxFileField({
  inputRef,
  error,
  hint,
  onFile,
}: {
  inputRef: Ref<HTMLInputElement>;
  error: string | undefined;
  hint: string;
  onFile: (file: File | null) => void;
}) {
  return (
    <FormField id="file" label="Excel文件" required error={error} hint={hint}>
      <input
        ref={inputRef}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        className="block w-full text-sm file:mr-3 file:rounded-md file:border file:bg-background file:px-3 file:py-1.5"
        {...fieldAria("file", error, { hint: true })}
        onChange={(e) => onFile(e.target.files?.[0] ?? null)}
      />
    </FormField>
  );
}
