import type { Executor } from '../../foundation/executor';
import type { CertificateRegisterTable } from '../../db/schemaReports';

/** The register of issued certificates (table `certificate_register`, migration 0081). */
export async function nextCertificateNumber(db: Executor, kind: string, year: number): Promise<number> {
  const row = await db.selectFrom('certificateRegister').select((eb) => eb.fn.max('number').as('last')).where('kind', '=', kind).where('year', '=', year).executeTakeFirst();
  return Number(row?.last ?? 0) + 1;
}

export async function insertCertificate(db: Executor, row: CertificateRegisterTable): Promise<void> {
  await db.insertInto('certificateRegister').values(row).execute();
}

export async function listCertificates(db: Executor, kinds: readonly string[], year: number | null, limit: number) {
  if (kinds.length === 0) return [];
  let q = db.selectFrom('certificateRegister').selectAll().where('kind', 'in', [...kinds]);
  if (year !== null) q = q.where('year', '=', year);
  return q.orderBy('year', 'desc').orderBy('number', 'desc').orderBy('kind').limit(limit).execute();
}

export async function schoolDirectorName(db: Executor): Promise<string> {
  return (await db.selectFrom('schoolCard').select('directorName').where('id', '=', 'main').executeTakeFirst())?.directorName ?? '';
}
