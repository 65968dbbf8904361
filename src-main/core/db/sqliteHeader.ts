/**
 * Whether a file is a plain SQLite file (it starts with the SQLite header; an encrypted one does not).
 * Its own module: the desktop shell reads key files without loading a SQLite driver.
 */
export function isPlainSqliteFile(header: Buffer): boolean {
  return header.subarray(0, 16).toString('latin1') === 'SQLite format 3\u0000';
}
