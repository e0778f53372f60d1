/** A note's text as read from disk, normalized, with what was wrong with the bytes. */
export interface DecodedNote {
  text: string;
  /** A readable problem with the bytes (binary content, invalid UTF-8), when there is one. */
  problem?: string;
  /** True when the file holds binary data and was not decoded as markdown. */
  binary: boolean;
}

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** True when the first 8 KB contain NUL bytes or mostly control characters. */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  if (sample.indexOf(0) >= 0) return true;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const byte = sample[i] as number;
    if ((byte >= 0x01 && byte <= 0x08) || (byte >= 0x0e && byte <= 0x1f)) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}

/** Normalizes line endings (CRLF, CR) to LF and drops a leading BOM. */
export function normalizeText(text: string): string {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return withoutBom.includes('\r') ? withoutBom.replace(/\r\n?/g, '\n') : withoutBom;
}

/**
 * Decodes a note's bytes. Invalid UTF-8 is replaced (U+FFFD) and reported; binary files are
 * not decoded at all.
 */
export function decodeNote(bytes: Uint8Array): DecodedNote {
  if (looksBinary(bytes)) {
    return { text: '', binary: true, problem: 'This file is not text (it contains binary data), so it cannot be shown as a note.' };
  }
  try {
    return { text: normalizeText(strictDecoder.decode(bytes)), binary: false };
  } catch {
    return {
      text: normalizeText(decoder.decode(bytes)),
      binary: false,
      problem: 'This file is not valid UTF-8; unreadable characters are shown as �.',
    };
  }
}
