/** The host part of a URL, for per-host limits and for naming a feed that has no title. */

/**
 * `url`'s host (with port, lowercased by the URL parser), or `url` itself when it does not parse.
 * @example hostOf('https://News.Example:8443/rss') // "news.example:8443"
 */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
