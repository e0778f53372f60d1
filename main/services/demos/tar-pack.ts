/** One file of a tar archive. */
export interface TarEntry {
  path: string;
  content: Buffer;
  mode?: number;
  /** A folder entry (its content is ignored), so empty folders travel too. */
  directory?: boolean;
}

function writeOctal(header: Buffer, value: number, offset: number, length: number): void {
  const text = value.toString(8).padStart(length - 1, '0');
  header.write(`${text}\0`, offset, length, 'ascii');
}

function headerFor(entry: TarEntry): Buffer {
  const header = Buffer.alloc(512, 0);
  let name = entry.path.replace(/^\.?\//, '');
  let prefix = '';
  if (Buffer.byteLength(name) > 100) {
    const cut = name.lastIndexOf('/', 154);
    if (cut <= 0 || Buffer.byteLength(name.slice(cut + 1)) > 100) {
      throw new Error(`The path "${entry.path}" is too long for a build context.`);
    }
    prefix = name.slice(0, cut);
    name = name.slice(cut + 1);
  }
  header.write(name, 0, 100, 'utf8');
  writeOctal(header, entry.mode ?? (entry.directory ? 0o755 : 0o644), 100, 8);
  writeOctal(header, 0, 108, 8); // uid
  writeOctal(header, 0, 116, 8); // gid
  writeOctal(header, entry.directory ? 0 : entry.content.length, 124, 12);
  writeOctal(header, 0, 136, 12); // mtime: fixed, so identical contexts hash the same
  header.write('        ', 148, 8, 'ascii'); // checksum placeholder
  header.write(entry.directory ? '5' : '0', 156, 1, 'ascii'); // folder or regular file
  header.write('ustar\0', 257, 6, 'ascii');
  header.write('00', 263, 2, 'ascii');
  header.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
  return header;
}

/** Packs files into an uncompressed ustar archive, the form Docker's build API takes. */
export function packTar(entries: TarEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    if (entry.directory) {
      parts.push(headerFor(entry));
      continue;
    }
    parts.push(headerFor(entry), entry.content);
    const pad = (512 - (entry.content.length % 512)) % 512;
    if (pad) parts.push(Buffer.alloc(pad, 0));
  }
  parts.push(Buffer.alloc(1024, 0));
  return Buffer.concat(parts);
}

/** Reads back the paths of a ustar archive made by {@link packTar}; for tests and checks. */
export function listTar(archive: Buffer): { path: string; size: number; type: string; offset: number }[] {
  const out: { path: string; size: number; type: string; offset: number }[] = [];
  let offset = 0;
  while (offset + 512 <= archive.length) {
    const header = archive.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    const name = header.toString('utf8', 0, 100).replace(/\0.*$/s, '');
    const prefix = header.toString('utf8', 345, 500).replace(/\0.*$/s, '');
    const size = parseInt(header.toString('ascii', 124, 136).replace(/\0.*$/s, '').trim() || '0', 8);
    const type = header.toString('ascii', 156, 157).replace('\0', '0');
    out.push({ path: prefix ? `${prefix}/${name}` : name, size, type, offset: offset + 512 });
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

/** The content of the first regular file in an archive (as Docker's archive API sends one file), or null. */
export function firstTarFile(archive: Buffer): Buffer | null {
  const file = listTar(archive).find((entry) => entry.type === '0');
  return file ? archive.subarray(file.offset, file.offset + file.size) : null;
}
