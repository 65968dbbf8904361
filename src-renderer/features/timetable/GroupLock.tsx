import { Button, Dropdown, type MenuProps } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { groupLockMoves } from './editSession';
import type { HandEdit } from './useHandEditor';
import type { EntityKind, TimetableIndex } from './timetableModel';

/**
 * «Закрепить…» on a draft: every lesson of the class on screen, or the teacher's lessons of one day,
 * locked or unlocked in one save — one step of the editing session, so Ctrl+Z takes it back whole.
 * Regeneration and «Исправить» keep locked lessons where they stand.
 */
export function GroupLock({ edit, index, kind, id }: { edit: HandEdit; index: TimetableIndex; kind: EntityKind; id: string }) {
  if (kind === 'room') return null;
  const occs = index.occurrences;
  const name = kind === 'class' ? (index.classes.get(id)?.name ?? '') : (index.teachers.get(id)?.shortName ?? '');
  const entries: { key: string; label: string; run: () => void }[] = [];
  const add = (key: string, label: string, scope: Parameters<typeof groupLockMoves>[1], locked: boolean) => {
    const moves = groupLockMoves(occs, scope, locked);
    if (moves.length) entries.push({ key, label: `${label} (${moves.length})`, run: () => void edit.apply(label, moves, null) });
  };
  if (kind === 'class') {
    add('lock', `Закрепить все уроки ${name}`, { kind: 'class', classId: id }, true);
    add('unlock', `Снять закрепление со всех уроков ${name}`, { kind: 'class', classId: id }, false);
  } else {
    for (const d of index.view.days) add(`lock:${d.index}`, `Закрепить уроки ${name}: ${d.short}`, { kind: 'teacher', staffId: id, day: d.index }, true);
    for (const d of index.view.days) add(`unlock:${d.index}`, `Снять закрепление ${name}: ${d.short}`, { kind: 'teacher', staffId: id, day: d.index }, false);
  }
  const items: MenuProps['items'] = entries.map((e) => ({ key: e.key, label: e.label }));
  return (
    <Dropdown disabled={entries.length === 0 || edit.saving} trigger={['click']} menu={{ items, onClick: ({ key }) => entries.find((e) => e.key === key)?.run() }}>
      <Button icon={<LockOutlined />}>Закрепить…</Button>
    </Dropdown>
  );
}
