/** Print a digest on the terminal: plain text like the Telegram message, or JSON for scripts. */
import type { Digest } from '../domain/types.js';
import { digestToJson } from '../render/render-markdown.js';
import { renderText } from '../render/render-text.js';

/**
 * Write the digest to stdout as text, or JSON with `json`.
 * @example printDigest(digest, { json: false })
 */
export function printDigest(digest: Digest, opts: { json: boolean; locale?: string }): void {
  process.stdout.write(opts.json ? `${digestToJson(digest)}\n` : renderText(digest, { locale: opts.locale }));
}
