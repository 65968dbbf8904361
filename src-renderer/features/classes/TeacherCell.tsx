import { App, Select } from 'antd';
import type { SchoolClass } from '../../../src-shared/contract/classes';
import { useSaveFeedback } from '../../components/saveFeedback';
import { useSaveClassMutation } from './classesApi';

/**
 * The class teacher chosen right in the table row: on 1 September the administrator assigns all of
 * them in one pass, typing a surname and pressing Enter, without opening each class.
 */
export function TeacherCell({ cls, staff }: { cls: SchoolClass; staff: { value: string; label: string }[] }) {
  const { message } = App.useApp();
  const [save, { isLoading }] = useSaveClassMutation();
  const feedback = useSaveFeedback();
  const change = async (teacherId: string | null) => {
    const r = await save({
      yearId: cls.yearId,
      id: cls.id,
      version: cls.version,
      cls: {
        grade: cls.grade,
        letter: cls.letter,
        classTeacherId: teacherId,
        shift: cls.shift as 1 | 2,
        homeRoomId: cls.homeRoomId,
        programme: cls.programme,
        programmeVariant: cls.programmeVariant,
        weekLength: cls.weekLength,
        previousClassId: cls.previousClassId,
      },
    });
    const out = feedback(r, `${cls.name}: классный руководитель сохранён`);
    if (!out.ok) message.error(out.message);
  };
  return (
    <Select
      size="small"
      showSearch
      allowClear
      loading={isLoading}
      aria-label={`Классный руководитель ${cls.name}`}
      placeholder="не назначен"
      style={{ width: '100%' }}
      optionFilterProp="label"
      value={cls.classTeacherId ?? undefined}
      onChange={(v?: string) => void change(v ?? null)}
      options={staff}
    />
  );
}
