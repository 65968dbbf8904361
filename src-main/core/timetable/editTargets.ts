import type { EditMove, EditTarget, TargetVerdict } from '../../../src-shared/contract/timetableEdit';
import type { HandlerContext } from '../foundation/context';
import { notFound } from '../foundation/refusals';
import { compile, createProbe, type Compiled, type Probe, type TimetableInstance, type UnitMove } from './engine';
import { namesOf, reasonOf, softNotes, type Names } from './editTexts';
import { toInstance, toTimetable } from './instance';
import { checkChanges } from './placementService';
import { readOnlyOf } from './versionService';
import { visibleVersion } from './versionQueries';
import { availabilityMap, loadVersion, type LoadedVersion } from './versionStore';

/**
 * The hand editor's live check (issue 16, part 1): a draft loaded once into the engine's
 * incremental evaluator (with its locks), then every start of the grid probed for one occurrence —
 * the move (or the swap with the class's lesson standing there) applied to the evaluator's state,
 * the touched terms recomputed, the delta read and the move undone. What the save would refuse
 * (outside the shift, onto a locked lesson) is marked `refused` by the save's own check.
 */

export interface EditModel {
  v: LoadedVersion;
  instance: TimetableInstance;
  c: Compiled;
  probe: Probe;
  names: Names;
}

export async function editModel(ctx: Pick<HandlerContext, 'core'>, v: LoadedVersion): Promise<EditModel> {
  const availability = await availabilityMap(ctx.core.db, v.row.academicYearId);
  const instance = toInstance({ grid: v.grid, labels: v.labels, lessons: v.lessons, availability, placements: v.placements, name: v.row.name });
  const c = compile(instance);
  return { v, instance, c, probe: createProbe(c, toTimetable(v.placements)), names: namesOf(v, c) };
}

export function unitOf(m: EditModel, lessonId: string, index: number): number {
  const li = m.c.lessonIdx.get(lessonId);
  if (li === undefined || index >= m.c.inst.lessons[li].count) throw notFound('Урок');
  return m.c.lessonFirstUnit[li] + index;
}

const sameSlots = (c: Compiled, a: number, b: number): boolean => Math.floor(a / c.P) === Math.floor(b / c.P);

/** A room for unit u at start s: its own if nobody else (outside `moving`) is there, else the first free candidate. */
function roomFor(m: EditModel, u: number, s: number, moving: ReadonlySet<number>): number {
  const { c, probe } = m;
  const busy = (r: number): boolean => {
    for (let q = 0; q < c.unitDur[u]; q++) for (const x of probe.unitsAt(s + q)) if (!moving.has(x) && probe.room(x) === r) return true;
    return false;
  };
  const own = probe.room(u);
  if (own >= 0 && !busy(own)) return own;
  for (const r of c.unitRooms[u]) if (!busy(r)) return r;
  return own >= 0 ? own : (c.unitRooms[u][0] ?? -1);
}

const sharesCell = (c: Compiled, a: number, b: number): boolean => c.unitCells[a].some((x) => c.unitCells[b].includes(x));

/** The block standing where `u` would go that a drop there swaps with: one block of the same class, same length, all starting at s, unlocked. */
function swapPartner(m: EditModel, units: readonly number[], s: number): number[] | null {
  const { c, probe } = m;
  const mine = new Set(units);
  const found = new Set<number>();
  for (const u of units) for (let q = 0; q < c.unitDur[u]; q++) for (const x of probe.unitsAt(s + q)) if (!mine.has(x) && sharesCell(c, u, x)) found.add(c.unitBlock[x]);
  if (found.size !== 1) return null;
  const other = Array.from(c.blockUnits[[...found][0]]);
  if (other.length !== units.length) return null;
  if (other.some((x) => probe.start(x) !== s || c.unitDur[x] !== c.unitDur[units[0]] || c.unitLock[x] >= 0)) return null;
  return other;
}

function toMoves(m: EditModel, moves: readonly UnitMove[]): EditMove[] {
  const { c } = m;
  return moves.map((x) => {
    const l = c.inst.lessons[c.unitLesson[x.unit]];
    return {
      lessonId: l.id,
      index: c.unitIndex[x.unit],
      day: x.start < 0 ? null : Math.floor(x.start / c.P),
      period: x.start < 0 ? null : x.start % c.P,
      roomId: x.start < 0 || x.room < 0 ? null : c.inst.rooms[x.room].id,
      locked: false,
    };
  });
}

/** The verdict of one set of unit moves, by the evaluator, after the save's own refusals. */
export function judge(m: EditModel, moves: UnitMove[]): TargetVerdict {
  const edit = toMoves(m, moves);
  const refused = checkChanges(m.v, edit).map((p) => p.replace(/^строка \d+: /, ''));
  if (refused.length) return { verdict: 'refused', reasons: [...new Set(refused)], notes: [], hardDelta: 0, softDelta: 0, moves: edit };
  const d = m.probe.tryMoves(moves);
  const reasons = [...new Set(d.worse.map((w) => reasonOf(m.names, w)))];
  const notes = softNotes(m.names, d);
  const soft = Math.round(d.soft * 100) / 100;
  return { verdict: reasons.length ? 'hard' : soft > 0 ? 'soft' : 'free', reasons, notes, hardDelta: d.hard, softDelta: soft, moves: edit };
}

export function targetsOf(m: EditModel, u: number): EditTarget[] {
  const { c, probe } = m;
  const units = Array.from(c.blockUnits[c.unitBlock[u]]);
  const s0 = probe.start(u);
  const out: EditTarget[] = [];
  for (let d = 0; d < c.D; d++) {
    for (let p = 0; p + c.unitDur[u] <= c.P; p++) {
      const s = d * c.P + p;
      if (s === s0) {
        out.push({ day: d, period: p, action: 'stay', verdict: 'free', reasons: [], notes: [], hardDelta: 0, softDelta: 0, moves: [] });
        continue;
      }
      const partner = s0 >= 0 && sameSlots(c, s, s + c.unitDur[u] - 1) ? swapPartner(m, units, s) : null;
      const moving = new Set([...units, ...(partner ?? [])]);
      const moves: UnitMove[] = units.map((x) => ({ unit: x, start: s, room: roomFor(m, x, s, moving) }));
      if (partner) for (const x of partner) moves.push({ unit: x, start: s0, room: roomFor(m, x, s0, moving) });
      out.push({ day: d, period: p, action: partner ? 'swap' : 'move', ...judge(m, moves) });
    }
  }
  return out;
}

export async function editTargets(ctx: HandlerContext, input: { versionId: string; lessonId: string; index: number }) {
  const t0 = performance.now();
  const row = await visibleVersion(ctx, input.versionId);
  const v = await loadVersion(ctx.core.db, row.id, row);
  const m = await editModel(ctx, v);
  const u = unitOf(m, input.lessonId, input.index);
  const placed = v.placements.find((p) => p.lessonId === input.lessonId && p.index === input.index);
  const lesson = v.lessons.find((l) => l.id === input.lessonId);
  const readOnly = await readOnlyOf(ctx.core.db, row);
  const refused = readOnly ?? (placed?.locked ? 'Урок закреплён — сначала снимите закрепление' : lesson?.pinned ? 'Урок поставлен правилом на своё время (Разговоры о важном, Россия — мои горизонты)' : null);
  const t1 = performance.now();
  const targets = refused ? [] : targetsOf(m, u);
  const offGrid: TargetVerdict = refused
    ? { verdict: 'refused', reasons: [refused], notes: [], hardDelta: 0, softDelta: 0, moves: [] }
    : placed
      ? judge(m, Array.from(m.c.blockUnits[m.c.unitBlock[u]], (x) => ({ unit: x, start: -1, room: -1 })))
      : { verdict: 'free', reasons: [], notes: [], hardDelta: 0, softDelta: 0, moves: [] };
  ctx.core.logger.debug('timetable.edit.targets', { targets: targets.length, loadMs: Math.round(t1 - t0), probeMs: Math.round(performance.now() - t1) });
  return { versionNumber: Number(row.version), lessonId: input.lessonId, index: input.index, locked: Boolean(placed?.locked), refused, targets, offGrid, elapsedMs: Math.round((performance.now() - t1) * 10) / 10 };
}

