import { deflateRawSync } from "node:zlib";

// Zips built byte by byte (PKWARE APPNOTE 4.3), for the xlsx guard's tests: an attacker writes
// the headers, so a test must be able to make them lie.

export interface ZipPart {
  name: string;
  data: Buffer;
  /** The uncompressed size written in the headers, when it should not be the true one. */
  declared?: number;
}

function header(size: number, signature: number, fields: [number, number][]): Buffer {
  const b = Buffer.alloc(size);
  b.writeUInt32LE(signature, 0);
  for (const [at, value] of fields) {
    if (value > 0xffff) b.writeUInt32LE(value, at);
    else b.writeUInt16LE(value, at);
  }
  return b;
}

/** `claimedCount`: the entry count the end record states, when it should not be the true one. */
export function craftedZip(parts: ZipPart[], claimedCount = parts.length): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const packed = deflateRawSync(p.data);
    const name = Buffer.from(p.name);
    const declared = p.declared ?? p.data.length;
    const local = header(30, 0x04034b50, [
      [8, 8],
      [26, name.length],
    ]);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(declared, 22);
    const central = header(46, 0x02014b50, [
      [10, 8],
      [28, name.length],
    ]);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = header(22, 0x06054b50, [
    [8, claimedCount],
    [10, claimedCount],
  ]);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}
