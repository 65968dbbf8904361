import { App, Button, Select, Space, Tag, Typography } from 'antd';
import { CloseOutlined, LockOutlined, UnlockOutlined } from '@ant-design/icons';
import type { VersionMeta } from '../../../src-shared/contract/timetableFields';
import { useLockPlacementsMutation } from './timetableApi';
import { useHandEdit } from './useHandEditor';
import { audienceLabel, entityName, subjectName, whenLabel, type EntityKind, type Occurrence, type TimetableIndex } from './timetableModel';
import { errorOf } from '../../components/serverErrors';

interface Props {
  index: TimetableIndex;
  occ: Occurrence;
  meta: VersionMeta;
  /** Opens another view of the same version (the teacher, a class, the room). */
  onOpen: (kind: EntityKind, id: string) => void;
  onClose: () => void;
}

/**
 * The selected lesson in full: subject, classes and groups, teachers, room, day and bells, whether
 * it is locked; links to the same lesson in the other views; lock/unlock on a draft the user may
 * change (regeneration keeps locked lessons where they stand).
 */
export function LessonDetails({ index, occ, meta, onOpen, onClose }: Props) {
  const { message } = App.useApp();
  const [lock, { isLoading }] = useLockPlacementsMutation();
  const placed = occ.day !== null;
  const canLock = placed && meta.readOnlyReason === null;
  const classIds = [...new Set(occ.lesson.audiences.map((a) => a.classId))];
  const edit = useHandEdit();
  const canRoom = Boolean(edit?.enabled) && placed && !occ.locked;
  // The lesson's own candidate rooms first, then the rest of the school.
  const roomOptions = [...index.view.rooms]
    .sort((a, b) => Number(!occ.lesson.roomIds.includes(a.id)) - Number(!occ.lesson.roomIds.includes(b.id)) || a.number.localeCompare(b.number, 'ru', { numeric: true }))
    .map((r) => ({ value: r.id, label: `${r.number}${occ.lesson.roomIds.includes(r.id) ? '' : ' (не из подходящих)'}` }));
  const moveRoom = (roomId: string) => {
    if (!edit || occ.day === null || occ.period === null) return;
    void edit.apply(`${subjectName(index, occ)}: кабинет ${entityName(index, 'room', roomId)}`, [{ lessonId: occ.lesson.id, index: occ.index, day: occ.day, period: occ.period, roomId, locked: occ.locked }], null);
  };

  const toggle = async () => {
    const r = await lock({ versionId: meta.id, version: meta.version, items: [{ lessonId: occ.lesson.id, index: occ.index }], locked: !occ.locked });
    if ('data' in r && r.data) message.success(occ.locked ? 'Урок откреплён' : 'Урок закреплён: при повторном составлении он останется на месте');
    else {
      const e = errorOf(r);
      message.error(e?.code === 'CONFLICT' ? `${e.message} Расписание обновлено — повторите действие.` : (e?.message ?? 'Не удалось изменить закрепление'));
    }
  };

  return (
    <div
      role="region"
      aria-label="Выбранный урок"
      data-testid="lesson-details"
      style={{ border: '1px solid #91caff', background: '#f0f7ff', borderRadius: 6, padding: '8px 12px', display: 'flex', gap: 16, alignItems: 'flex-start', flexWrap: 'wrap' }}
    >
      <div style={{ flex: '1 1 420px', minWidth: 0 }}>
        <Space size={6} wrap>
          <Typography.Text strong>{subjectName(index, occ, false)}</Typography.Text>
          <Typography.Text>· {audienceLabel(occ)}</Typography.Text>
          {occ.lesson.duration > 1 && <Tag>спаренный</Tag>}
          {occ.lesson.kind === 'extracurricular' && <Tag color="purple">внеурочная</Tag>}
          {occ.lesson.kind === 'ministry' && <Tag color="geekblue">по приказу Минпросвещения</Tag>}
          {occ.locked && (
            <Tag icon={<LockOutlined />} color="default">
              закреплён
            </Tag>
          )}
        </Space>
        <div>
          <Typography.Text type="secondary">{whenLabel(index, occ)}</Typography.Text>
          {occ.roomId ? <Typography.Text type="secondary">, {entityName(index, 'room', occ.roomId)}</Typography.Text> : placed && <Typography.Text type="danger">, без кабинета</Typography.Text>}
        </div>
        <Space size={4} wrap style={{ marginTop: 4 }}>
          {occ.lesson.teacherIds.map((t) => (
            <Button key={t} size="small" type="link" style={{ padding: 0 }} onClick={() => onOpen('teacher', t)}>
              {entityName(index, 'teacher', t) || 'учитель'}
            </Button>
          ))}
          {classIds.map((c) => (
            <Button key={c} size="small" type="link" style={{ padding: 0 }} onClick={() => onOpen('class', c)}>
              {`класс ${entityName(index, 'class', c)}`}
            </Button>
          ))}
          {occ.roomId && index.view.scope.all && (
            <Button size="small" type="link" style={{ padding: 0 }} onClick={() => onOpen('room', occ.roomId!)}>
              {entityName(index, 'room', occ.roomId)}
            </Button>
          )}
        </Space>
      </div>
      <Space>
        {canRoom && <Select aria-label="Кабинет урока" size="small" style={{ width: 190 }} showSearch optionFilterProp="label" value={occ.roomId ?? undefined} placeholder="Кабинет" options={roomOptions} onChange={moveRoom} />}
        {canLock && (
          <Button icon={occ.locked ? <UnlockOutlined /> : <LockOutlined />} loading={isLoading} onClick={() => void toggle()}>
            {occ.locked ? 'Открепить' : 'Закрепить'}
          </Button>
        )}
        <Button icon={<CloseOutlined />} type="text" aria-label="Снять выбор" onClick={onClose} />
      </Space>
    </div>
  );
}
