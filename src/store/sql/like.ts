/** Substring patterns for LIKE/ILIKE, kept inside the adapter (the port never speaks LIKE). */
import { sql } from 'kysely';

/** `%text%` with LIKE's own characters escaped, for `… LIKE ? ESCAPE '\'`. */
export const likeAnywhere = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The ESCAPE clause matching {@link likeAnywhere}. */
export const LIKE_ESCAPE = sql`ESCAPE '\\'`;
