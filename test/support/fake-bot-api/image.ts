/**
 * What the fake needs to accept a photo as Telegram does: the upload must be an image it can
 * decode (PNG or JPEG here) with sane dimensions, and the message carries the sizes Telegram
 * would make of it.
 */

/** An image's pixel size, or null when the bytes are not a PNG or JPEG the fake can read. */
export function imageSize(bytes: Buffer): { width: number; height: number } | null {
  // PNG: 8-byte signature, then the IHDR chunk whose data starts with width and height.
  if (bytes.length >= 24 && bytes.subarray(0, 8).equals(PNG_SIGNATURE) && bytes.toString('latin1', 12, 16) === 'IHDR') {
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }
  // JPEG: walk the segments to the first start-of-frame marker.
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let at = 2;
    while (at + 9 < bytes.length && bytes[at] === 0xff) {
      const marker = bytes[at + 1]!;
      const length = bytes.readUInt16BE(at + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { width: bytes.readUInt16BE(at + 7), height: bytes.readUInt16BE(at + 5) };
      }
      at += 2 + length;
    }
  }
  return null;
}

/** The 8 bytes every PNG file starts with. */
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Telegram refuses a photo whose width + height exceed this or whose sides differ more than 20×. */
export const MAX_PHOTO_SIDES = 10_000;
/** Telegram's upload limit for photos (10 MB). */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

/** Whether Telegram would take these dimensions for a photo. */
export function photoDimensionsOk({ width, height }: { width: number; height: number }): boolean {
  return width > 0 && height > 0 && width + height <= MAX_PHOTO_SIDES && Math.max(width, height) / Math.min(width, height) <= 20;
}

/**
 * The sizes Telegram keeps of a photo (longest side 90, 320, 800, 1280, never enlarged), smallest first.
 * @example photoSizes({ width: 1080, height: 1350 }) // 72×90, 256×320, 640×800, 1024×1280
 */
export function photoSizes({ width, height }: { width: number; height: number }): Array<{ width: number; height: number }> {
  const longest = Math.max(width, height);
  const sizes: Array<{ width: number; height: number }> = [];
  for (const side of [90, 320, 800, 1280]) {
    const scale = Math.min(1, side / longest);
    const size = { width: Math.round(width * scale), height: Math.round(height * scale) };
    if (!sizes.some((s) => s.width === size.width && s.height === size.height)) sizes.push(size);
    if (scale === 1) break;
  }
  return sizes;
}
