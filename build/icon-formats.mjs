import { Buffer } from 'node:buffer';

/**
 * The two container formats the installers want, written from PNG images (both may hold PNG data
 * as it is, so no other encoder is needed): Windows' .ico (a directory of sizes up to 256) and
 * macOS' .icns (typed chunks, one per size). Pure functions over Buffers, tested in
 * test/unit/electron/icons.test.ts.
 */

/** ICO: 6-byte header, a 16-byte entry per image, then the PNGs. 256 is written as 0 in the entry. */
export function icoFromPngs(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    if (size > 256) throw new Error(`an .ico holds images up to 256 px, not ${size}`);
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size === 256 ? 0 : size, 0);
    entry.writeUInt8(size === 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map(({ png }) => png)]);
}

/** The icns chunk type that holds a PNG of each size (Apple's "icp4" … "ic10"). */
export const ICNS_TYPES = {
  16: 'icp4',
  32: 'icp5',
  64: 'icp6',
  128: 'ic07',
  256: 'ic08',
  512: 'ic09',
  1024: 'ic10',
};

/** ICNS: "icns" and the file length, then per image its 4-letter type, its chunk length and the PNG. */
export function icnsFromPngs(images) {
  const chunks = images.map(({ size, png }) => {
    const type = ICNS_TYPES[size];
    if (!type) throw new Error(`an .icns has no PNG slot for ${size} px`);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const body = Buffer.concat(chunks);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}
