/**
 * Bytes → text for feeds and pages. The charset is taken, in order of authority, from the byte
 * order mark, the HTTP Content-Type header, then the document's own declaration (XML prolog or
 * HTML <meta>). Never throws: an unknown label falls back to UTF-8.
 */

/** Bytes of the document head we search for a declaration; both XML and HTML put it at the top. */
const SNIFF_BYTES = 2048;

/**
 * Decode a fetched body to a string, BOM stripped.
 * @example decodeBody(Buffer.from([0xcf, 0xf0, 0xe8]), 'text/xml; charset=windows-1251') // "При"
 */
export function decodeBody(body: Buffer, contentType: string | null): string {
  const bom = sniffBom(body);
  if (bom) return decodeWith(bom.label, body.subarray(bom.length)) ?? '';
  const declared = charsetFromContentType(contentType) ?? charsetFromDocument(body);
  if (declared) {
    const text = decodeWith(declared, body);
    if (text !== null) return stripBom(text);
  }
  return stripBom(decodeUndeclared(body));
}

/** The `charset=` parameter of a Content-Type header, lowercased, or null. */
export function charsetFromContentType(contentType: string | null): string | null {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '');
  return match?.[1]?.toLowerCase() ?? null;
}

function sniffBom(body: Buffer): { label: string; length: number } | null {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return { label: 'utf-8', length: 3 };
  if (body[0] === 0xff && body[1] === 0xfe) return { label: 'utf-16le', length: 2 };
  if (body[0] === 0xfe && body[1] === 0xff) return { label: 'utf-16be', length: 2 };
  return null;
}

/** The encoding a document declares in its first bytes (`<?xml encoding>`, `<meta charset>`), or a UTF-16 guess from a BOM-less `<`. */
function charsetFromDocument(body: Buffer): string | null {
  // A BOM-less UTF-16 document starts with "<" and a NUL byte; no declaration is readable as ASCII.
  if (body[0] === 0x3c && body[1] === 0x00) return 'utf-16le';
  if (body[0] === 0x00 && body[1] === 0x3c) return 'utf-16be';
  // Declarations are ASCII, and every charset we could meet here is ASCII-compatible, so latin1 is safe to sniff with.
  const head = body.subarray(0, SNIFF_BYTES).toString('latin1');
  const xml = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  const meta = /<meta[^>]+charset\s*=\s*["']?([^"'\s/>;]+)/i.exec(head);
  const label = (xml?.[1] ?? meta?.[1])?.toLowerCase() ?? null;
  // We just read the declaration as single bytes, so a claim of UTF-16 is false (a common mislabel).
  return label && !label.startsWith('utf-16') ? label : null;
}

/** Decode with a WHATWG label; null when the label is unknown to this runtime. */
function decodeWith(label: string, bytes: Buffer): string | null {
  try {
    return new TextDecoder(label).decode(bytes); // only the constructor throws (RangeError on unknown labels)
  } catch {
    return null;
  }
}

/**
 * Nothing declared: UTF-8 if the bytes are valid UTF-8, else windows-1252 (a superset of
 * ISO-8859-1 for text), which is what undeclared legacy feeds almost always are.
 */
function decodeUndeclared(body: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return new TextDecoder('windows-1252').decode(body);
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
