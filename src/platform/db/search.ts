/**
 * A case-insensitive "contains" LIKE pattern for a person's search text (compare it with
 * lower(column)). LIKE's own wildcards are dropped from the text rather than escaped, so the
 * pattern is the same on SQLite and PostgreSQL without an ESCAPE clause.
 */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, '')}%`;
}
