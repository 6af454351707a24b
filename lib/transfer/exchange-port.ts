import "server-only";
import type {
  EventAnswer,
  LookedUpTransfer,
  TransferFile,
  TransferView,
} from "@/lib/exchange/messages";

// What the receiving side of a transfer asks the national exchange, as the services need it:
// the signed client (hub-exchange.ts) in the application, a fake in unit tests. A failure is a
// Chinese sentence for the person ("暂时无法连接全国平台…"), never an exception.

export type ExchangeAnswer<T> = { ok: true; value: T } | { ok: false; message: string };

export interface TransferExchange {
  /**
   * Open transfers to this platform of the person with this name and number, each saying whether
   * `phone` is the one the origin holds.
   */
  lookup(
    name: string,
    idNumber: string,
    phone: string,
  ): Promise<ExchangeAnswer<LookedUpTransfer[]>>;
  /** One transfer this platform is party to. */
  transfer(id: string): Promise<ExchangeAnswer<TransferView>>;
  /** The file of a transfer to this platform (snapshot and attachments). */
  file(id: string): Promise<ExchangeAnswer<TransferFile>>;
}

export type { EventAnswer };
