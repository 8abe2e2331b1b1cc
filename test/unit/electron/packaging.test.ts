import { mkdtemp, copyFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ICNS_TYPES, icnsFromPngs, icoFromPngs } from '../../../build/icon-formats.mjs';
import { generateIcons, renderPng } from '../../../build/icons.mjs';

/** electron-builder.yml is valid for electron-builder and flips the fuses; the icons come from one SVG. */

const root = resolve(__dirname, '../../..');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own configuration schema', async () => {
    const config: unknown = parse(await readFile(join(root, 'electron-builder.yml'), 'utf8'));
    const schema = JSON.parse(
      await readFile(join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8'),
    ) as object;
    const validate = new Ajv({ allowUnionTypes: true, strict: false }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
  });

  it('packs Linux AppImage and deb, Windows nsis and macOS dmg, with keytar rebuilt and unpacked', async () => {
    const config = parse(await readFile(join(root, 'electron-builder.yml'), 'utf8')) as Record<
      string,
      Record<string, unknown>
    >;
    expect(config['linux']?.['target']).toEqual(['AppImage', 'deb']);
    expect(config['win']?.['target']).toBe('nsis');
    expect(config['mac']?.['target']).toBe('dmg');
    expect(config['npmRebuild']).toBe(true);
    expect(config['asarUnpack']).toContain('**/node_modules/keytar/**');
  });

  it('turns off running as Node, NODE_OPTIONS and --inspect, and turns on cookie encryption and asar integrity', async () => {
    const config = parse(await readFile(join(root, 'electron-builder.yml'), 'utf8')) as {
      electronFuses: object;
    };
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});

describe('the icons', () => {
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#123"/></svg>';

  it('renders the SVG to a PNG of the asked size', () => {
    const png = renderPng(svg, 48);
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(png.readUInt32BE(16)).toBe(48);
    expect(png.readUInt32BE(20)).toBe(48);
  });

  it('writes an .ico whose directory points at each PNG, 256 written as 0', () => {
    const images = [16, 256].map((size) => ({ size, png: renderPng(svg, size) }));
    const ico = icoFromPngs(images);
    expect([ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([1, 2]);
    expect([ico.readUInt8(6), ico.readUInt8(22)]).toEqual([16, 0]);
    for (let index = 0; index < 2; index++) {
      const entry = 6 + 16 * index;
      const offset = ico.readUInt32LE(entry + 12);
      expect(ico.readUInt32LE(entry + 8)).toBe(images[index]!.png.length);
      expect(ico.subarray(offset, offset + 8)).toEqual(PNG_SIGNATURE);
    }
    expect(() => icoFromPngs([{ size: 512, png: images[0]!.png }])).toThrow('up to 256');
  });

  it('writes an .icns of typed PNG chunks with the right lengths', () => {
    const images = [32, 1024].map((size) => ({ size, png: renderPng(svg, size) }));
    const icns = icnsFromPngs(images);
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    expect(icns.toString('ascii', 8, 12)).toBe(ICNS_TYPES[32]);
    const second = 8 + icns.readUInt32BE(12);
    expect(icns.toString('ascii', second, second + 4)).toBe('ic10');
    expect(icns.subarray(second + 8, second + 16)).toEqual(PNG_SIGNATURE);
  });

  it('generates the whole set from build/icon.svg', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'callboard-icons-'));
    await copyFile(join(root, 'build/icon.svg'), join(folder, 'icon.svg'));
    const written = await generateIcons(folder);
    expect(written).toEqual(
      expect.arrayContaining(['icons/32x32.png', 'icons/512x512.png', 'icon.ico', 'icon.icns']),
    );
    const tray = await readFile(join(folder, 'icons/32x32.png'));
    expect(tray.readUInt32BE(16)).toBe(32);
  });
});
