import * as z from "zod/mini";

/** 立即更新 takes nothing: what is counted and for whom is the server's. */
export const recomputeSchema = z.object({});
