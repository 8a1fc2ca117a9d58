/** Print a digest on the terminal: the Markdown archive text reads well as plain text too. */
import type { Digest } from '../domain/types.js';
import { renderMarkdown, digestToJson } from '../pipeline/render-markdown.js';

/**
 * Write the digest to stdout as Markdown text, or JSON with `json`.
 * @example printDigest(digest, { json: false })
 */
export function printDigest(digest: Digest, opts: { json: boolean }): void {
  process.stdout.write(opts.json ? `${digestToJson(digest)}\n` : `${renderMarkdown(digest)}\n`);
}
