import type { IncomingMessage } from 'node:http';

/** Parameters of one Bot API call, merged from the query string and the body. */
export type Params = Record<string, unknown>;

/** An uploaded file part of a multipart request. */
export interface UploadedFile {
  field: string;
  filename: string;
  size: number;
  /** The part's Content-Type, when the client sent one. */
  contentType?: string;
  content: Buffer;
}

// Form-encoded requests carry objects as JSON strings; Telegram decodes these fields.
const JSON_FIELDS = new Set([
  'reply_markup', 'entities', 'caption_entities', 'commands', 'scope', 'allowed_updates',
  'link_preview_options', 'reply_parameters', 'media', 'results',
]);

/** Reads the request body (JSON, urlencoded or multipart) into params + uploaded files. */
export async function readParams(req: IncomingMessage, url: URL): Promise<{ params: Params; files: UploadedFile[] }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  const params: Params = {};
  const files: UploadedFile[] = [];
  for (const [k, v] of url.searchParams) params[k] = v;

  if (type.includes('application/json')) {
    try {
      const parsed: unknown = JSON.parse(body.toString('utf8') || '{}');
      if (parsed && typeof parsed === 'object') Object.assign(params, parsed);
    } catch {
      // Telegram ignores an unparsable body and reports the missing parameters instead
    }
  } else if (type.includes('application/x-www-form-urlencoded')) {
    for (const [k, v] of new URLSearchParams(body.toString('utf8'))) params[k] = v;
  } else if (type.includes('multipart/form-data')) {
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(type);
    const b = boundary?.[1] ?? boundary?.[2];
    if (b) parseMultipart(body, b, params, files);
  }
  for (const key of JSON_FIELDS) {
    const v = params[key];
    if (typeof v === 'string') {
      try {
        params[key] = JSON.parse(v);
      } catch {
        // left as a string; the handler reports it
      }
    }
  }
  return { params, files };
}

function parseMultipart(body: Buffer, boundary: string, params: Params, files: UploadedFile[]): void {
  const delimiter = Buffer.from(`--${boundary}`);
  let pos = body.indexOf(delimiter);
  while (pos !== -1) {
    const start = pos + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    if (next === -1) break;
    const part = body.subarray(start + 2, next - 2); // strip CRLF after delimiter and before the next
    const split = part.indexOf('\r\n\r\n');
    if (split !== -1) {
      const headers = part.subarray(0, split).toString('utf8');
      const content = part.subarray(split + 4);
      const name = /name="([^"]*)"/i.exec(headers)?.[1];
      const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
      if (name !== undefined) {
        const contentType = /^content-type:\s*(.+)$/im.exec(headers)?.[1]?.trim();
        if (filename !== undefined) {
          files.push({ field: name, filename, size: content.length, ...(contentType ? { contentType } : {}), content: Buffer.from(content) });
        }
        else params[name] = content.toString('utf8');
      }
    }
    pos = next;
  }
}

/** Coerces a chat_id/number-like param (form fields arrive as strings). */
export function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v);
  return undefined;
}

/** Coerces a boolean param ("true"/"1" from forms). */
export function toBool(v: unknown): boolean {
  return v === true || v === 'true' || v === '1' || v === 1;
}
