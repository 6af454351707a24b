// The limits the 申请调出 and review forms show, apart from their schemas (out-application.ts):
// the forms load zod only with the rules.

/** 调转附件: the manual asks for the work proof or the destination's documents; a few pages. */
export const MAX_TRANSFER_ATTACHMENTS = 5;
export const MAX_REASON_LENGTH = 500;
