// The platform's icons, drawn once here and written as the files Next.js and browsers look for:
//   app/icon.svg          the favicon of current browsers (rounded tile)
//   app/favicon.ico       16, 32 and 48 px, for browsers and tools that ask /favicon.ico
//   app/apple-icon.png    180 px, full tile: iOS rounds the corners itself
//   public/icons/*.png    192 and 512 px for the web app manifest (app/manifest.ts); the
//                         maskable one keeps the drawing inside the central 80 % safe zone
// The drawing: a white ledger with blue lines on the header's steel blue, and the header's red
// rule beneath it. Run `npm run icons` after changing it and commit what it writes.
import { writeFileSync } from "node:fs";
import sharp from "sharp";

const BLUE = "#1a4b8c";
const RED = "#b42318";

/** The 512-unit drawing; `inset` shrinks it towards the centre (maskable icons). */
function drawing(inset = 0): string {
  const scale = (512 - 2 * inset) / 512;
  return `<g transform="translate(${inset} ${inset}) scale(${scale})">
    <rect x="136" y="96" width="240" height="296" rx="24" fill="#fff"/>
    <path d="M184 176h144M184 236h144M184 296h96" stroke="${BLUE}" stroke-width="24" stroke-linecap="round"/>
    <rect x="136" y="412" width="240" height="28" rx="14" fill="${RED}"/>
  </g>`;
}

function svg({ rounded, inset = 0 }: { rounded: boolean; inset?: number }): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
  <rect width="512" height="512" rx="${rounded ? 112 : 0}" fill="${BLUE}"/>
  ${drawing(inset)}
</svg>
`;
}

const png = (source: string, size: number) =>
  sharp(Buffer.from(source)).resize(size, size).png({ compressionLevel: 9 }).toBuffer();

/** An ICO holding PNG images (Windows Vista on, every current browser). */
function ico(images: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, data }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size % 256, 0);
    entry.writeUInt8(size % 256, 1);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.data)]);
}

const tile = svg({ rounded: true });
const full = svg({ rounded: false });
const maskable = svg({ rounded: false, inset: 64 });

writeFileSync("app/icon.svg", tile);
writeFileSync(
  "app/favicon.ico",
  ico(await Promise.all([16, 32, 48].map(async (size) => ({ size, data: await png(tile, size) })))),
);
writeFileSync("app/apple-icon.png", await png(full, 180));
writeFileSync("public/icons/icon-192.png", await png(tile, 192));
writeFileSync("public/icons/icon-512.png", await png(tile, 512));
writeFileSync("public/icons/icon-maskable-512.png", await png(maskable, 512));
