import { sql, type Expression, type RawBuilder } from 'kysely';

/**
 * LIKE with the user's text taken literally (issue 19, item 7): `%` and `_` typed into a search box
 * are characters, not wildcards. The escape character is stated in every query because SQLite has
 * none by default and PostgreSQL's default (`\`) is only a convention.
 */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function like(column: Expression<unknown> | RawBuilder<unknown>, pattern: string): RawBuilder<boolean> {
  return sql<boolean>`${column} like ${pattern} escape '\\'`;
}

/** `column` contains `text` anywhere. */
export function likeContains(column: Expression<unknown> | RawBuilder<unknown>, text: string): RawBuilder<boolean> {
  return like(column, `%${escapeLike(text)}%`);
}

/** `column` starts with `text`. */
export function likePrefix(column: Expression<unknown> | RawBuilder<unknown>, text: string): RawBuilder<boolean> {
  return like(column, `${escapeLike(text)}%`);
}

/** `column` has a word starting with `text` (words follow a space; the column is prefixed with one). */
export function likeWordPrefix(column: Expression<unknown> | RawBuilder<unknown>, text: string): RawBuilder<boolean> {
  return like(sql`(' ' || ${column})`, `% ${escapeLike(text)}%`);
}
