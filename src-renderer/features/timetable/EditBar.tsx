import { useEffect, useState } from 'react';
import { Button, Space, Tooltip, Typography } from 'antd';
import { RedoOutlined, ToolOutlined, UndoOutlined } from '@ant-design/icons';
import { slotKey, type TimetableIndex } from './timetableModel';
import { canRedo, canUndo, verdictText } from './editSession';
import { RepairModal } from './RepairModal';
import type { HandEdit } from './useHandEditor';

interface Props {
  edit: HandEdit;
  index: TimetableIndex;
}

/**
 * Above the grid of a draft: undo / redo of the editing session (also Ctrl+Z, Ctrl+Y), «Исправить»
 * after a hand move that broke a rule, and the status line — what dropping on the cell under the
 * pointer or the keyboard cursor would mean, in words.
 */
export function EditBar({ edit, index }: Props) {
  const [repairing, setRepairing] = useState(false);
  const { undo, redo } = edit;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA')) return;
      const k = e.key.toLowerCase();
      if ((k === 'z' || k === 'я') && !e.shiftKey) {
        e.preventDefault();
        void undo();
      } else if (k === 'y' || k === 'н' || ((k === 'z' || k === 'я') && e.shiftKey)) {
        e.preventDefault();
        void redo();
      }
    };
    // Capture phase: a focused widget that stops the key's propagation must not swallow undo.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [undo, redo]);

  const hard = index.view.meta.summary.hard ?? 0;
  const target = edit.cursor && edit.targets ? edit.targets.get(slotKey(edit.cursor.day, edit.cursor.period)) : undefined;
  const status = edit.refused
    ? `Нельзя перенести: ${edit.refused}`
    : target && target.action !== 'stay'
      ? `${index.view.days[target.day]?.short ?? ''}, ${index.view.periods[target.period]?.label ?? ''} урок — ${verdictText(target)}`
      : edit.activeKey
        ? edit.loading && !edit.targets
          ? 'Проверяю, куда можно перенести урок…'
          : 'Перетащите урок или выберите клетку стрелками и нажмите Enter (Esc — отмена). Зелёные — свободно, жёлтые — хуже по показателям, красные — нарушают правило, серые — нельзя.'
        : 'Выберите урок, чтобы перенести его: мышью или стрелками и Enter.';
  const done = edit.session.steps.slice(0, edit.session.done);
  const sum = index.view.meta.summary;
  return (
    <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }} data-testid="edit-bar">
      <Space size={4}>
        <Tooltip title={canUndo(edit.session) ? `Отменить: ${done.at(-1)?.label ?? ''} (Ctrl+Z)` : 'Нечего отменять'}>
          <Button icon={<UndoOutlined />} disabled={!canUndo(edit.session) || edit.saving} onClick={() => void undo()}>
            Отменить
          </Button>
        </Tooltip>
        <Tooltip title={canRedo(edit.session) ? `Повторить: ${edit.session.steps[edit.session.done]?.label ?? ''} (Ctrl+Y)` : 'Нечего повторять'}>
          <Button icon={<RedoOutlined />} disabled={!canRedo(edit.session) || edit.saving} onClick={() => void redo()}>
            Повторить
          </Button>
        </Tooltip>
        {hard > 0 && edit.lastMoved && (
          <Button type="primary" danger icon={<ToolOutlined />} onClick={() => setRepairing(true)}>
            Исправить
          </Button>
        )}
      </Space>
      <Typography.Text data-testid="edit-figures" type={hard > 0 ? 'danger' : 'success'}>
        Нарушений: {hard.toLocaleString('ru-RU')} · окон у учителей: {(sum.teacherGaps ?? 0).toLocaleString('ru-RU')} · поставлено {sum.placed.toLocaleString('ru-RU')} из {sum.units.toLocaleString('ru-RU')}
      </Typography.Text>
      <Typography.Text role="status" data-testid="edit-status" type={target?.verdict === 'hard' || target?.verdict === 'refused' || edit.refused ? 'danger' : 'secondary'} style={{ flex: '1 1 400px' }}>
        {status}
      </Typography.Text>
      {repairing && edit.lastMoved && <RepairModal edit={edit} moved={edit.lastMoved} index={index} onClose={() => setRepairing(false)} />}
    </div>
  );
}
