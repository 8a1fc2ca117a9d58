/**
 * One article from a document someone hands us: HTML goes through the reader view; plain text
 * is kept exactly as given (so figure offsets point into the input itself).
 */
import { extractArticle, htmlToText } from '../feeds/extract-text.js';

/** Looks like markup rather than prose. */
export function looksLikeHtml(raw: string): boolean {
  return /^\s*(<!doctype html|<html|<head|<body|<article|<p[\s>]|<div[\s>])/i.test(raw) || /<\/(p|div|article|body)>/i.test(raw);
}

/**
 * Title and plain text of an article. Plain text: the first non-empty line is the title and
 * the text is the input unchanged.
 * @example articleFromDocument('Ukraine frees 303 POWs\n\nUkraine brought home 303…')
 */
export function articleFromDocument(raw: string, url = 'https://example.invalid/'): { title: string; text: string } {
  if (looksLikeHtml(raw)) {
    const article = extractArticle(raw, url);
    const text = article?.text ?? htmlToText(raw);
    return { title: article?.title ?? firstLine(text), text };
  }
  return { title: firstLine(raw), text: raw };
}

function firstLine(text: string): string {
  return (text.split('\n').find((l) => l.trim()) ?? '').trim().slice(0, 200);
}
