import { Button, Dropdown, type MenuProps } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { EXPORT_KIND_LABEL, EXPORT_KINDS } from '../../../src-shared/contract/timetableFields';
import { useDownload } from '../curriculum/curriculumUi';
import { useExportTimetableMutation, type ExportKind } from './timetableApi';
import type { EntityKind } from './timetableModel';

interface Props {
  versionId: string;
  /** The user sees the whole school (otherwise only their class and their own lessons). */
  all: boolean;
  /** The class, teacher or room on screen, for «only this» downloads. */
  current: { kind: EntityKind; id: string; name: string } | null;
}

const FORMATS = [
  { format: 'xlsx', label: 'Excel' },
  { format: 'pdf', label: 'PDF' },
] as const;

/**
 * «Скачать»: Excel or PDF of the classes, teachers, rooms, the master timetable (A3 — classes in
 * columns) and the SanPiN passports; «only this one» for the class, teacher or room on screen. The
 * core narrows every file to what the user may see.
 */
export function ExportMenu({ versionId, all, current }: Props) {
  const [run, { isLoading }] = useExportTimetableMutation();
  const download = useDownload();
  const kinds: readonly ExportKind[] = all ? EXPORT_KINDS : ['class', 'teacher'];
  const items: MenuProps['items'] = FORMATS.map(({ format, label }) => ({
    type: 'group' as const,
    key: format,
    label,
    children: [
      ...(current
        ? [{ key: `${format}:${current.kind}:one`, label: `${label}: ${current.name}` }]
        : []),
      ...kinds.map((k) => ({ key: `${format}:${k}`, label: `${label}: ${EXPORT_KIND_LABEL[k]}` })),
    ],
  }));
  const onClick: MenuProps['onClick'] = ({ key }) => {
    const [format, kind, one] = key.split(':') as ['xlsx' | 'pdf', ExportKind, string | undefined];
    void download(() =>
      run({ versionId, kind, format, ids: one && current ? [current.id] : undefined, paper: kind === 'master' ? 'A3' : 'A4' }),
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
