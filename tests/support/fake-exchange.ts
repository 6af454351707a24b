import type { TransferFile, TransferView } from "@/lib/exchange/messages";
import { maskIdNumber } from "@/lib/identity/mask";
import type { TransferExchange } from "@/lib/transfer/exchange-port";

/**
 * The exchange as the receiving side sees it, held in memory: transfers to the platform under
 * test (广东 440000) with their files, and a switch to make it unreachable. Like the hub, it says
 * whether the phone asked with is the one the origin sent (`originPhone`).
 */
export class FakeExchange implements TransferExchange {
  readonly transfers = new Map<
    string,
    { view: TransferView; idNumber: string; file: TransferFile; originPhone: string }
  >();
  down = false;

  add(
    view: Partial<TransferView> & { id: string; name: string },
    idNumber: string,
    file?: TransferFile,
    originPhone = "13800138000",
  ) {
    this.transfers.set(view.id, {
      view: {
        originMember: "440300",
        originName: "深圳市",
        originRegionCode: "440305",
        originRegionName: "广东省深圳市南山区",
        destMember: "440000",
        destRegionCode: "440106",
        idNumberMasked: maskIdNumber(idNumber),
        state: "submitted",
        submittedAt: "2026-11-26T02:00:00.000Z",
        decidedAt: null,
        ...view,
      },
      idNumber,
      file: file ?? { snapshot: {}, attachments: [] },
      originPhone,
    });
  }

  async lookup(name: string, idNumber: string, phone: string) {
    if (this.down) return { ok: false as const, message: "暂时无法连接全国平台，请稍后再试" };
    const found = [...this.transfers.values()]
      .filter((t) => t.idNumber === idNumber && t.view.name === name)
      .map((t) => ({ ...t.view, phoneMatches: t.originPhone === phone }));
    return { ok: true as const, value: found };
  }

  async transfer(id: string) {
    if (this.down) return { ok: false as const, message: "暂时无法连接全国平台，请稍后再试" };
    const t = this.transfers.get(id);
    return t
      ? { ok: true as const, value: t.view }
      : { ok: false as const, message: "没有找到该调转" };
  }

  async file(id: string) {
    if (this.down) return { ok: false as const, message: "暂时无法连接全国平台，请稍后再试" };
    const t = this.transfers.get(id);
    return t
      ? { ok: true as const, value: t.file }
      : { ok: false as const, message: "没有找到该调转" };
  }
}
