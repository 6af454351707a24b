/** Why a code is sent; each purpose has its own wording and (on Aliyun) its own template. */
export const SMS_PURPOSES = [
  "register",
  "reset-password",
  "change-phone",
  "transfer-in",
  "transfer-notice",
  "account-notice",
  "appeal",
] as const;

export type SmsPurpose = (typeof SMS_PURPOSES)[number];

export function isSmsPurpose(value: unknown): value is SmsPurpose {
  return typeof value === "string" && (SMS_PURPOSES as readonly string[]).includes(value);
}

export interface SmsMessage {
  /** Mainland mobile number as the caller normalised it, e.g. "13800138000". */
  to: string;
  purpose: SmsPurpose;
  /** Full text (see smsText). Gateways with approved templates send the template instead. */
  text: string;
  /** Template variables for gateways that use templates; Aliyun's templates expect `code`. */
  templateParams?: Record<string, string>;
}

export interface SmsSender {
  /** Resolves once the gateway accepted the message; rejects without personal data in the error. */
  send(message: SmsMessage): Promise<void>;
}
