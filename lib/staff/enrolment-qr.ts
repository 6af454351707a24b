import "server-only";
import QRCode from "qrcode";

/**
 * The enrolment QR code as an SVG data URL, drawn on the server: the page ships an <img>, no QR
 * library, and the secret never passes through a third party. Error correction M, as
 * authenticator apps expect for an otpauth URI of this length.
 */
export async function qrDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}
