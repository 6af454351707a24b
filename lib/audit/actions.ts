/** Audit action names. One list so reports and the future staff console agree on them. */
export const AUDIT_ACTIONS = [
  "auth.register",
  "auth.login",
  "auth.lockout",
  "auth.logout",
  "auth.session-expired",
  "auth.password-reset",
  "auth.password-change",
  "auth.phone-change",
  "auth.sms-code-sent",
  "auth.sms-code-refused",
  "collection.save-step",
  "collection.save-draft",
  "collection.submit",
  "archive.change",
  "attachment.upload",
  "attachment.sweep",
  "ce.claim-submit",
  "ce.claim-withdraw",
  "ce.claim-review",
  "ce.course-record",
  "ce.course-complete",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
