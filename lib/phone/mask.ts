// Apart from the number's rule (mobile.ts) and its zod schema: pages that show a masked number
// need neither.

/** 138****1234. Anything that is not 11 digits is masked whole except the last 2. */
export function maskPhone(phone: string): string {
  if (/^\d{11}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(7)}`;
  return phone.length <= 2
    ? "*".repeat(phone.length)
    : "*".repeat(phone.length - 2) + phone.slice(-2);
}
