import type { Audience, TimetableInstance } from './model';

/** Resolves an audience to cell indices (cross product of divisions, FET subgroups style). */
export function audienceCells(
  inst: TimetableInstance,
  classIdx: Map<string, number>,
  classCells: Int32Array[],
  a: Audience,
): number[] {
  const k = classIdx.get(a.classId);
  if (k === undefined) throw new Error(`Неизвестный класс «${a.classId}»`);
  const cells = classCells[k];
  if (a.division === undefined) return Array.from(cells);
  const divs = inst.classes[k].divisions ?? [];
  if (a.division >= divs.length) throw new Error(`У класса «${inst.classes[k].name}» нет деления №${a.division + 1}`);
  let stride = 1;
  for (let i = divs.length - 1; i > a.division; i--) stride *= divs[i].groups.length;
  const size = divs[a.division].groups.length;
  const wanted = new Set(a.groups ?? []);
  const out: number[] = [];
  for (let local = 0; local < cells.length; local++) {
    const g = Math.floor(local / stride) % size;
    if (wanted.has(g)) out.push(cells[local]);
  }
  return out;
}
