/** What 第一步 answers: the ticket for 第二步 and what the exchange holds (in-verify.ts). */
export interface Preview {
  ticket: string;
  needsPassword: boolean;
  name: string;
  idNumberMasked: string;
  from: string;
  destination: string;
  submittedAt: string;
}
