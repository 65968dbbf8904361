import type { Kysely } from 'kysely';
import type { Database } from '../../../src-main/core/db/schema';
import { newId } from '../../../src-shared/domain/ids';
import { searchKey } from '../../../src-shared/domain/names';

/**
 * A small school written straight into the tables (the people and set-up editors are other issues):
 * classes 5А and 5Б with their class teachers, two pupils each, and a parent per class.
 */
export interface SchoolFixture {
  class5A: string;
  class5B: string;
  teacher5A: string;
  teacher5B: string;
  pupils5A: string[];
  pupils5B: string[];
  parent5A: string;
  parent5B: string;
}

type Person = { lastName: string; firstName: string; middleName: string; sex: 'М' | 'Ж'; birthDate: string };

async function person(db: Kysely<Database>, table: 'staff' | 'pupil' | 'parent', p: Person): Promise<string> {
  const id = newId();
  const now = new Date().toISOString();
  await db
    .insertInto(table)
    .values({ id, ...p, snils: null, searchKey: searchKey(p.lastName, p.firstName, p.middleName), version: 1, createdAt: now, updatedAt: now })
    .execute();
  return id;
}

export async function seedSchool(db: Kysely<Database>): Promise<SchoolFixture> {
  const now = new Date().toISOString();
  const yearId = newId();
  await db.insertInto('academicYear').values({ id: yearId, name: '2025/2026', startDate: '2025-09-01', endDate: '2026-08-31', isCurrent: 1, isClosed: 0, version: 1, updatedAt: now }).execute();
  const teacher5A = await person(db, 'staff', { lastName: 'Кузнецова', firstName: 'Мария', middleName: 'Ивановна', sex: 'Ж', birthDate: '1985-04-02' });
  const teacher5B = await person(db, 'staff', { lastName: 'Орлов', firstName: 'Сергей', middleName: 'Павлович', sex: 'М', birthDate: '1979-11-20' });
  const klass = async (letter: string, teacher: string) => {
    const id = newId();
    await db
      .insertInto('schoolClass')
      .values({ id, academicYearId: yearId, grade: 5, letter, name: `5${letter}`, classTeacherId: teacher, shift: 1, previousClassId: null, version: 1, updatedAt: now })
      .execute();
    return id;
  };
  const class5A = await klass('А', teacher5A);
  const class5B = await klass('Б', teacher5B);
  const pupilIn = async (classId: string, p: Person) => {
    const id = await person(db, 'pupil', p);
    await db.insertInto('classMembership').values({ id: newId(), pupilId: id, classId, startDate: '2024-09-01', endDate: null, cause: 'fixture' }).execute();
    return id;
  };
  const pupils5A = [
    await pupilIn(class5A, { lastName: 'Смирнов', firstName: 'Артём', middleName: 'Олегович', sex: 'М', birthDate: '2014-03-12' }),
    await pupilIn(class5A, { lastName: 'Ёлкина', firstName: 'Алиса', middleName: 'Дмитриевна', sex: 'Ж', birthDate: '2014-07-30' }),
  ];
  const pupils5B = [
    await pupilIn(class5B, { lastName: 'Петров', firstName: 'Никита', middleName: 'Андреевич', sex: 'М', birthDate: '2014-01-05' }),
    await pupilIn(class5B, { lastName: 'Соколова', firstName: 'Дарья', middleName: 'Игоревна', sex: 'Ж', birthDate: '2014-10-17' }),
  ];
  const parent5A = await person(db, 'parent', { lastName: 'Смирнова', firstName: 'Ольга', middleName: 'Викторовна', sex: 'Ж', birthDate: '1988-02-14' });
  const parent5B = await person(db, 'parent', { lastName: 'Петрова', firstName: 'Елена', middleName: 'Сергеевна', sex: 'Ж', birthDate: '1986-06-09' });
  await db.insertInto('pupilParent').values({ pupilId: pupils5A[0], parentId: parent5A, relation: 'мать', isLegalRepresentative: 1 }).execute();
  await db.insertInto('pupilParent').values({ pupilId: pupils5B[0], parentId: parent5B, relation: 'мать', isLegalRepresentative: 1 }).execute();
  return { class5A, class5B, teacher5A, teacher5B, pupils5A, pupils5B, parent5A, parent5B };
}
