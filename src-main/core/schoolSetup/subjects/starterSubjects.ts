import { z } from 'zod';
import starterFile from '../../../../assets/subjects-starter.json';
import { newId } from '../../../../src-shared/domain/ids';
import { builtinRoomTypeId, BUILTIN_ROOM_TYPES, type BuiltinRoomTypeCode } from '../../../../src-shared/domain/schoolSetup/roomTypes';
import { sanpinGradePoints, sanpinRow } from '../../../../src-shared/domain/schoolSetup/sanpinDifficulty';
import { searchKey } from '../../../../src-shared/domain/names';
import type { Executor } from '../../foundation/executor';
import { areaRows, insertArea, insertSubject, subjectNames } from '../repo/subjects';


/**
 * The shipped starter set of subjects (`assets/subjects-starter.json`): the federal programmes'
 * subjects with their ФГОС subject areas, SanPiN points from the one SanPiN table, subgroup split
 * and the room types they need. Loading it adds what is missing and never touches what the school
 * already has (matched by name, ё = е, any case).
 */

const codes = BUILTIN_ROOM_TYPES.map((t) => t.code) as [BuiltinRoomTypeCode, ...BuiltinRoomTypeCode[]];

const starterSchema = z.object({
  areas: z.array(z.string().min(1)),
  subjects: z.array(
    z.object({
      name: z.string().min(1),
      shortName: z.string().min(1),
      area: z.string().nullable(),
      sanpin: z.string().nullable(),
      split: z.boolean().optional(),
      roomTypes: z.array(z.enum(codes)).optional(),
    }),
  ),
});

export type StarterSet = z.output<typeof starterSchema>;

export function starterSet(): StarterSet {
  const set = starterSchema.parse(starterFile);
  for (const s of set.subjects) {
    // A typo in the shipped file must fail the tests, not silently give a subject no points.
    if (s.sanpin && !sanpinRow(s.sanpin)) throw new Error(`subjects-starter.json: unknown SanPiN key ${s.sanpin} for ${s.name}`);
    if (s.area && !set.areas.includes(s.area)) throw new Error(`subjects-starter.json: unknown area ${s.area} for ${s.name}`);
  }
  return set;
}

export interface StarterResult {
  added: string[];
  kept: number;
  areasAdded: number;
}

export async function addStarterSubjects(db: Executor, at: string): Promise<StarterResult> {
  const set = starterSet();
  const areas = await areaRows(db);
  const areaIds = new Map(areas.map((a) => [searchKey(a.name), a.id]));
  let areasAdded = 0;
  for (const [i, name] of set.areas.entries()) {
    if (areaIds.has(searchKey(name))) continue;
    const id = newId();
    await insertArea(db, id, { name, sortOrder: (i + 1) * 10 }, at);
    areaIds.set(searchKey(name), id);
    areasAdded++;
  }
  const existing = new Set((await subjectNames(db)).map((s) => searchKey(s.name)));
  const added: string[] = [];
  for (const [i, s] of set.subjects.entries()) {
    if (existing.has(searchKey(s.name))) continue;
    await insertStarter(db, newId(), s, (i + 1) * 10, areaIds, at);
    added.push(s.name);
  }
  return { added, kept: set.subjects.length - added.length, areasAdded };
}

type StarterSubject = StarterSet['subjects'][number];

async function insertStarter(db: Executor, id: string, s: StarterSubject, sortOrder: number, areaIds: Map<string, string>, at: string): Promise<void> {
  await insertSubject(
    db,
    id,
    {
      name: s.name,
      shortName: s.shortName,
      subjectAreaId: s.area ? (areaIds.get(searchKey(s.area)) ?? null) : null,
      isSplit: s.split ? 1 : 0,
      sanpinKey: s.sanpin,
      sortOrder,
      isArchived: 0,
      updatedAt: at,
    },
    sanpinGradePoints(s.sanpin),
    (s.roomTypes ?? []).map((code) => builtinRoomTypeId(code)),
  );
}

/** The starter subject a name (or short name) from another program means, or null (ё = е, any case). */
export function starterSubjectNamed(name: string): { name: string; shortName: string } | null {
  const key = searchKey(name);
  const set = starterSet();
  const s = set.subjects.find((x) => searchKey(x.name) === key) ?? set.subjects.find((x) => searchKey(x.shortName) === key);
  return s ? { name: s.name, shortName: s.shortName } : null;
}

/**
 * One starter subject created with everything the starter set gives it (area, SanPiN points, split,
 * room types) — for an import that brings a subject the school has not added yet. The caller audits.
 */
export async function insertStarterSubject(db: Executor, r: { id: string; name: string; updatedAt: string }): Promise<void> {
  const set = starterSet();
  const i = set.subjects.findIndex((x) => x.name === r.name);
  if (i < 0) throw new Error(`not a starter subject: ${r.name}`);
  const s = set.subjects[i];
  const areaIds = new Map((await areaRows(db)).map((a) => [searchKey(a.name), a.id]));
  if (s.area && !areaIds.has(searchKey(s.area))) {
    const id = newId();
    await insertArea(db, id, { name: s.area, sortOrder: (set.areas.indexOf(s.area) + 1) * 10 }, r.updatedAt);
    areaIds.set(searchKey(s.area), id);
  }
  await insertStarter(db, r.id, s, (i + 1) * 10, areaIds, r.updatedAt);
}
