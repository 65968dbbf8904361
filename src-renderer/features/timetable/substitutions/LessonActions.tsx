import { Button, Select, Space, Tooltip } from 'antd';
import type { AffectedLesson } from '../../../../src-shared/contract/timetableSubs';

export type Decide = (l: AffectedLesson, d: { kind: 'substitute' | 'merge' | 'move' | 'cancel' | 'room'; substituteId?: string | null; toPeriod?: number | null; toRoomId?: string | null }) => void;

const roomLabel = (o: AffectedLesson['roomOptions'][number]) =>
  `${o.number}${o.floor !== null ? ` · ${o.floor} этаж` : ''}${o.capacity !== null ? ` · ${o.capacity} мест` : ''}${o.homeRoom ? ' · кабинет класса' : ''}${o.moves ? ` · переходов: ${o.moves}` : ''}`;

type MoveOption = AffectedLesson['moveTo'][number];

/**
 * «Перенести на…»: every other period of the class's day. A period the class is busy stays pickable
 * (the refusal names what stands there); a free one the lesson cannot take is greyed out.
 */
function MoveSelect({ lesson: l, onPick, text, usable }: { lesson: AffectedLesson; onPick: (o: MoveOption) => void; text: (o: MoveOption) => string; usable: (o: MoveOption) => boolean }) {
  return (
    <Select
      aria-label={`Перенести ${l.periodLabel} урок ${l.classLabel}`}
      placeholder="Перенести на…"
      size="small"
      style={{ width: 230 }}
      value={null}
      popupMatchSelectWidth={360}
      virtual={false}
      onChange={(p: number) => {
        const o = l.moveTo.find((x) => x.period === p);
        if (o) onPick(o);
      }}
      options={l.moveTo.map((o) => ({ value: o.period, label: `на ${o.label} урок — ${o.classBusy ? `у класса ${o.classBusy}` : text(o)}`, disabled: !o.classBusy && !usable(o) }))}
    />
  );
}

/**
 * A lesson whose room is closed and whose teacher is present: another free room in the same period
 * (ranked: the closed room's floor and type, the class's home room, fewest walks), a move to another
 * period (with the best free room there), or taking the lesson off.
 */
function RoomActions({ lesson: l, decide }: { lesson: AffectedLesson; decide: Decide }) {
  const best = l.roomOptions[0];
  return (
    <Space wrap>
      <Select
        aria-label={`Кабинет ${l.periodLabel} урок ${l.classLabel}`}
        placeholder="Свободные кабинеты"
        style={{ width: 260 }}
        onChange={(id: string) => decide(l, { kind: 'room', toRoomId: id })}
        options={l.roomOptions.map((o) => ({ value: o.roomId, label: roomLabel(o) }))}
      />
      <Button size="small" type="primary" disabled={!best} onClick={() => best && decide(l, { kind: 'room', toRoomId: best.roomId })}>
        {best ? `В кабинет ${best.number}` : 'Нет свободного кабинета'}
      </Button>
      <MoveSelect
        lesson={l}
        onPick={(o) => decide(l, { kind: 'move', toPeriod: o.period, toRoomId: o.roomId })}
        text={(o) => (!o.candidateId ? 'учитель занят' : o.roomNumber ? `кабинет ${o.roomNumber}` : 'нет свободного кабинета')}
        usable={(o) => Boolean(o.candidateId && o.roomId)}
      />
      <Button size="small" onClick={() => decide(l, { kind: 'cancel' })}>
        Снять урок
      </Button>
    </Space>
  );
}

/**
 * What the завуч can decide for an uncovered lesson: a substitute from the ranked candidates (the
 * first is the best), merge with the other group's teacher of the class in that period, move it to
 * another period of the class's day (the class's own lesson there is named; the save refuses it with
 * the reason), or take the lesson off.
 */
export function LessonActions({ lesson: l, decide }: { lesson: AffectedLesson; decide: Decide }) {
  if (l.cause === 'room') return <RoomActions lesson={l} decide={decide} />;
  const partner = l.mergeWith[0];
  // The absent teacher's room closed too: the substitute takes the best free room.
  const room = l.roomClosed ? (l.roomOptions[0]?.roomId ?? null) : null;
  return (
    <Space wrap>
      <Select
        aria-label={`Заменяющий ${l.periodLabel} урок ${l.classLabel}`}
        placeholder="Кандидаты"
        style={{ width: 260 }}
        onChange={(id: string) => decide(l, { kind: 'substitute', substituteId: id, toRoomId: room })}
        options={l.candidates.map((c) => ({
          value: c.staffId,
          label: `${c.name}${c.qualified ? ' · по предмету' : ''} · ${c.monthHours} ч в месяце${c.sameClass ? ' · свой класс' : ''}${c.inBuilding ? '' : ' · нет уроков в этот день'}`,
        }))}
      />
      <Button size="small" type="primary" disabled={!l.candidates.length} onClick={() => decide(l, { kind: 'substitute', substituteId: l.candidates[0].staffId, toRoomId: room })}>
        Первый кандидат
      </Button>
      <Tooltip title={partner ? `Обе группы ведёт ${partner.name}` : 'В этот урок у класса нет другой группы с присутствующим учителем'}>
        <Button size="small" disabled={!partner} onClick={() => partner && decide(l, { kind: 'merge', substituteId: partner.staffId })}>
          Объединить группы{partner ? ` (${partner.name})` : ''}
        </Button>
      </Tooltip>
      {/* A free period with nobody free to teach it cannot take the lesson (its teacher is away all
          day; the server refuses such a move too). */}
      <MoveSelect
        lesson={l}
        onPick={(o) => decide(l, { kind: 'move', toPeriod: o.period, substituteId: o.candidateId, toRoomId: l.roomClosed ? o.roomId : null })}
        text={(o) => o.candidateName ?? 'нет свободного учителя'}
        usable={(o) => Boolean(o.candidateId) && (!l.roomClosed || Boolean(o.roomId))}
      />
      <Button size="small" onClick={() => decide(l, { kind: 'cancel' })}>
        Снять урок
      </Button>
    </Space>
  );
}
