import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";

// The one typeface of every PDF: Noto Sans SC Regular (SIL Open Font License 1.1), as Google
// Fonts ships it in @expo-google-fonts/noto-sans-sc — a whole TrueType file with every GB 18030
// character a name or an employer can hold. The file is 10 MB; pdfkit embeds only the glyphs a
// document uses (a subset, a few kB), so the PDFs stay small. Read from the installed package
// at run time (not bundled): the path is built from the working directory, which `npm start`
// and the tests set to the project root.

const FONT_FILE =
  "node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf";

let cached: Buffer | null = null;

/** The font file's bytes, read once per process. */
export function cjkFont(): Buffer {
  cached ??= readFileSync(path.join(process.cwd(), FONT_FILE));
  return cached;
}
