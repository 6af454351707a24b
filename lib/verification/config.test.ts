import { describe, expect, it } from "vitest";
import { verificationConfig, verifyUrl } from "./config";

describe("verification configuration", () => {
  it("points the QR code at NEXTAUTH_URL's origin, the code in the fragment", () => {
    const env = { NEXTAUTH_URL: "https://kuaiji.czt.gd.gov.cn/some/path" };
    expect(verifyUrl("7K3M-9QWX-2HDP-ZR4T", env)).toBe(
      "https://kuaiji.czt.gd.gov.cn/verify#7K3M-9QWX-2HDP-ZR4T",
    );
    expect(verificationConfig({ PORT: "3100" }).publicBaseUrl).toBe("http://localhost:3100");
  });

  it("refuses a limit that is not a positive integer", () => {
    expect(() => verificationConfig({ KUAIJI_VERIFY_PER_IP: "0" })).toThrow(/KUAIJI_VERIFY_PER_IP/);
    expect(verificationConfig({ KUAIJI_VERIFY_PER_IP: "5" }).lookupsPerClient).toBe(5);
  });
});
