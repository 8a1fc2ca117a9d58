import { describe, expect, it } from 'vitest';
import { charsetFromContentType, decodeBody } from '../../src/feeds/decode-body.js';

// "Привет" and "Café" written as bytes by hand, so the test does not trust the decoder it checks.
const PRIVET_1251 = [0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2];
const PRIVET_KOI8R = [0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4];
const CAFE_LATIN1 = [0x43, 0x61, 0x66, 0xe9];

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const rss = (title: number[] | string, decl = '') => bytes(decl, '<rss version="2.0"><channel><title>', title, '</title></channel></rss>');
const titleOf = (text: string) => /<title>(.*)<\/title>/.exec(text)?.[1];

describe('decodeBody', () => {
  it.each([
    ['windows-1251 via Content-Type', rss(PRIVET_1251), 'application/rss+xml; charset=windows-1251', 'Привет'],
    ['windows-1251 via quoted, upper-case charset', rss(PRIVET_1251), 'text/xml; Charset="WINDOWS-1251"', 'Привет'],
    ['iso-8859-1 via Content-Type', rss(CAFE_LATIN1), 'text/xml; charset=ISO-8859-1', 'Café'],
    ['windows-1251 via XML declaration', rss(PRIVET_1251, '<?xml version="1.0" encoding="windows-1251"?>\n'), 'application/xml', 'Привет'],
    ['koi8-r via XML declaration', rss(PRIVET_KOI8R, "<?xml version='1.0' encoding='KOI8-R' ?>"), null, 'Привет'],
    ['iso-8859-1 via XML declaration', rss(CAFE_LATIN1, '<?xml version="1.0" encoding="ISO-8859-1"?>'), null, 'Café'],
    ['the header wins over the declaration', rss(PRIVET_1251, '<?xml version="1.0" encoding="utf-8"?>'), 'text/xml; charset=windows-1251', 'Привет'],
    ['HTML <meta charset>', bytes('<html><head><meta charset="windows-1251"><title>', PRIVET_1251, '</title>'), 'text/html', 'Привет'],
    ['HTML http-equiv meta', bytes('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><title>', CAFE_LATIN1, '</title>'), null, 'Café'],
    ['no declaration, UTF-8 bytes', Buffer.from('<rss><channel><title>Café №1</title></channel></rss>'), null, 'Café №1'],
    ['no declaration, latin-1 bytes (invalid UTF-8 → windows-1252)', rss(CAFE_LATIN1), null, 'Café'],
    ['unknown label falls back to UTF-8', Buffer.from('<?xml version="1.0" encoding="invalid"?><rss><title>테스트</title></rss>'), null, '테스트'],
    ['unknown header label falls back too', Buffer.from('<rss><title>Café</title></rss>'), 'text/xml; charset=x-nonsense', 'Café'],
  ])('%s', (_name, body, contentType, title) => {
    expect(titleOf(decodeBody(body, contentType))).toBe(title);
  });

  it('reads UTF-16LE with a BOM, ignoring a wrong header, and strips the BOM', () => {
    const body = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<?xml version="1.0" encoding="UTF-16"?><rss><title>Привет</title></rss>', 'utf16le')]);
    const text = decodeBody(body, 'text/xml; charset=iso-8859-1');
    expect(text.startsWith('<?xml')).toBe(true);
    expect(titleOf(text)).toBe('Привет');
  });

  it('reads UTF-16BE with a BOM', () => {
    const body = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('<rss><title>Café</title></rss>', 'utf16le').swap16()]);
    expect(decodeBody(body, null)).toBe('<rss><title>Café</title></rss>');
  });

  it('reads BOM-less UTF-16LE from its leading "<" and NUL', () => {
    expect(decodeBody(Buffer.from('<rss><title>Café</title></rss>', 'utf16le'), null)).toBe('<rss><title>Café</title></rss>');
  });

  it('strips a UTF-8 BOM even when the header names a charset', () => {
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<rss>Café</rss>')]);
    expect(decodeBody(body, 'text/xml; charset=windows-1252')).toBe('<rss>Café</rss>');
  });

  it('ignores a declaration of UTF-16 in a document readable as ASCII', () => {
    expect(decodeBody(Buffer.from('<?xml version="1.0" encoding="UTF-16"?><rss>Café</rss>'), null)).toContain('<rss>Café</rss>');
  });

  it('decodes an empty body to an empty string', () => {
    expect(decodeBody(Buffer.alloc(0), 'text/xml; charset=utf-8')).toBe('');
  });
});

describe('charsetFromContentType', () => {
  it.each([
    ['text/xml; charset=UTF-8', 'utf-8'],
    ['text/html;charset="koi8-r"', 'koi8-r'],
    ['application/rss+xml', null],
    [null, null],
  ])('%s → %s', (header, charset) => {
    expect(charsetFromContentType(header)).toBe(charset);
  });
});
