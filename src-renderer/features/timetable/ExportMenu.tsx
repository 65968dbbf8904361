import { Button, Dropdown, type MenuProps } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { EXPORT_KIND_LABEL, EXPORT_KINDS } from '../../../src-shared/contract/timetableFields';
import { useExportTimetableMutation, type ExportKind } from './timetableApi';
import type { EntityKind } from './timetableModel';
import { useDownload } from '../../components/downloadFile';

interface Props {
  versionId: string;
  /** What the user sees: the whole school, or their classes and their own lessons. */
  scope: { all: boolean; classIds: string[]; staffId: string | null };
  /** The class, teacher or room on screen, for «only this» downloads. */
  current: { kind: EntityKind; id: string; name: string } | null;
  /** A date whose week's substitutions the class and teacher printouts carry. */
  date?: string | null;
}

const OWN_LABEL: Record<ExportKind, string> = {
  class: 'расписание моего класса',
  teacher: 'моё расписание',
  room: EXPORT_KIND_LABEL.room,
  master: EXPORT_KIND_LABEL.master,
  passport: 'паспорт СанПиН моего класса',
};

const FORMATS = [
  { format: 'xlsx', label: 'Excel' },
  { format: 'pdf', label: 'PDF' },
] as const;

/**
 * «Скачать»: Excel or PDF of the classes, teachers, rooms, the master timetable (A3 — classes in
 * columns) and the SanPiN passports; «only this one» for the class, teacher or room on screen. The
 * core narrows every file to what the user may see.
 */
export function ExportMenu({ versionId, scope, current, date }: Props) {
  const all = scope.all;
  const [run, { isLoading }] = useExportTimetableMutation();
  const download = useDownload();
  const mine: ExportKind[] = [...(scope.classIds.length ? (['class'] as const) : []), ...(scope.staffId ? (['teacher'] as const) : []), ...(scope.classIds.length ? (['passport'] as const) : [])];
  const kinds: readonly ExportKind[] = all ? EXPORT_KINDS : mine;
  // Without the whole school the core narrows each file to the user's class and own lessons.
  const label = (k: ExportKind): string => (all ? EXPORT_KIND_LABEL[k] : OWN_LABEL[k]);
  const items: MenuProps['items'] = FORMATS.map(({ format, label: name }) => ({
    type: 'group' as const,
    key: format,
    label: name,
    children: [
      ...(current && all ? [{ key: `${format}:${current.kind}:one`, label: `${name}: ${current.name}` }] : []),
      ...kinds.map((k) => ({ key: `${format}:${k}`, label: `${name}: ${label(k)}` })),
    ],
  }));
  const onClick: MenuProps['onClick'] = ({ key }) => {
    const [format, kind, one] = key.split(':') as ['xlsx' | 'pdf', ExportKind, string | undefined];
    void download(() =>
      run({ versionId, kind, format, ids: one && current ? [current.id] : undefined, paper: kind === 'master' ? 'A3' : 'A4', ...(date && (kind === 'class' || kind === 'teacher') ? { date } : {}) }),
    );
  };
  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']}>
      <Button icon={<DownloadOutlined />} loading={isLoading}>
        Скачать
      </Button>
    </Dropdown>
  );
}
