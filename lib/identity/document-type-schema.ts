import * as z from "zod/mini";
import { DOCUMENT_TYPE_CODES } from "./document-types";

// Apart from the table (document-types.ts): a page that offers the types loads no zod with it.
export const documentTypeSchema = z.enum(DOCUMENT_TYPE_CODES, {
  error: () => "请选择证件类型",
});
