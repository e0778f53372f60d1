import { extensionOf } from './vault-paths';

const MIME_BY_EXTENSION: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  bmp: 'image/bmp',
  avif: 'image/avif',
  ico: 'image/x-icon',
  pdf: 'application/pdf',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  ogg: 'audio/ogg',
  m4a: 'audio/mp4',
  flac: 'audio/flac',
  mp4: 'video/mp4',
  webm: 'video/webm',
  mov: 'video/quicktime',
  mkv: 'video/x-matroska',
  md: 'text/markdown; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
  yaml: 'text/yaml; charset=utf-8',
  yml: 'text/yaml; charset=utf-8',
  canvas: 'application/json',
};

/** The MIME type to serve a vault file with; unknown types are served as opaque bytes. */
export function mimeTypeOf(filePath: string): string {
  return MIME_BY_EXTENSION[extensionOf(filePath)] ?? 'application/octet-stream';
}

/**
 * Headers for one file: PDFs may use the browser's viewer; everything else is sandboxed. A PDF
 * embedded in a note (`![[slides.pdf]]`) is a frame of the app's page: the web host serves it from
 * that page's origin and says so (`sameOriginFrames`), as its pages otherwise refuse every frame
 * ancestor; Electron's vault protocol has no such refusal to lift.
 */
export function vaultFileHeaders(mimeType: string, options: { sameOriginFrames?: boolean } = {}): Record<string, string> {
  if (mimeType === 'application/pdf') {
    const csp = "default-src 'none'; object-src 'self'";
    return {
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
      ...(options.sameOriginFrames
        ? { 'X-Frame-Options': 'SAMEORIGIN', 'Content-Security-Policy': `${csp}; frame-ancestors 'self'` }
        : { 'Content-Security-Policy': csp }),
    };
  }
  return { ...VAULT_FILE_HEADERS };
}

/**
 * Response headers every vault file must be served with: content never runs as part of the
 * app (an SVG opened directly cannot script the app's origin) and is never sniffed.
 */
export const VAULT_FILE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox",
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
};
