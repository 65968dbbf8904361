import { plural } from '../../../../src-shared/domain/plural';
import { useState } from 'react';
import { Alert, App, Button, Modal, Radio, Select, Space, Table, Tabs, Typography } from 'antd';
import type { VersionMeta } from '../../../../src-shared/contract/timetableFields';
import { DateField } from '../../../components/DateField';
import { downloadFile } from '../../../components/downloadFile';
import { formatDateRu } from '../../../components/format';
import { errorText } from '../../../components/serverErrors';
import { FetSchoolTab } from './FetSchoolTab';
import { FilePick, type Upload } from './FilePick';
import { ImportPreviewView } from './ImportPreviewView';
import { timetableApi } from '../timetableApi';
import {
  useAscTimetableApplyMutation,
  useAscTimetableExportMutation,
  useAscTimetablePreviewMutation,
  useFetExportMutation,
  useFetResultApplyMutation,
  useFetResultPreviewMutation,
  usePortalTimetableApplyMutation,
  usePortalTimetablePreviewMutation,
  usePortalTimetablePushMutation,
  type ImportPreview,
  type PushResult,
} from './ttExchangeApi';

interface Props {
  yearId: string;
  studyPeriodId: string | null;
  meta: VersionMeta | null;
  /** Approved versions of the year: the second week of a two-week pattern is chosen among them. */
  approved: VersionMeta[];
  canEdit: boolean;
  canPush: boolean;
  onClose: () => void;
  onOpen: (versionId: string) => void;
}

/** One import: pick (or take the last pulled file), preview — nothing written — then apply or cancel. */
function ImportTab({ kind, yearId, studyPeriodId, versionId, onOpen }: { kind: 'portal' | 'asc' | 'fet'; yearId: string; studyPeriodId: string | null; versionId?: string; onOpen: (id: string) => void }) {
  const { message } = App.useApp();
  const [file, setFile] = useState<Upload>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [portalPreview, pp] = usePortalTimetablePreviewMutation();
  const [portalApply, pa] = usePortalTimetableApplyMutation();
  const [ascPreview, ap] = useAscTimetablePreviewMutation();
  const [ascApply, aa] = useAscTimetableApplyMutation();
  const [fetPreview, fp] = useFetResultPreviewMutation();
  const [fetApply, fa] = useFetResultApplyMutation();
  const [refreshVersions] = timetableApi.useLazyTimetableVersionsQuery();
  const run = async () => {
    setError(null);
    setPreview(null);
    const r = kind === 'portal' ? await portalPreview({ yearId, studyPeriodId, file }) : !file ? null : kind === 'asc' ? await ascPreview({ yearId, studyPeriodId, file }) : versionId ? await fetPreview({ versionId, file }) : null;
    if (!r) return;
    if (r.data) setPreview(r.data);
    else setError(errorText(r));
  };
  const apply = async () => {
    if (!preview) return;
    const signature = preview.signature;
    const r = kind === 'portal' ? await portalApply({ yearId, studyPeriodId, file, signature }) : kind === 'asc' ? await ascApply({ yearId, studyPeriodId, file: file!, signature }) : await fetApply({ versionId: versionId!, file: file!, signature });
    if (r.data) {
      // The year's version list is read again before the toast: «Создан черновик» must not come
      // while the list still lacks the draft (the refetch the write triggers may still be on its way).
      if (r.data.created) await refreshVersions({ yearId }).catch(() => undefined);
      message.success(r.data.created ? `Создан черновик «${r.data.preview.versionName}»` : 'Это расписание уже было загружено — ничего не изменено');
      if (r.data.versionId) onOpen(r.data.versionId);
    } else setError(errorText(r));
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {kind === 'portal'
          ? 'Расписание текущей недели из ExportCM.nsxml («Экспорт в Хронограф, AVTOR»). Без выбора файла берётся файл последней загрузки из портала.'
          : kind === 'asc'
            ? 'Выгрузка aSc Timetables в XML («aSc Timetables 2012 XML»). Классы, предметы и кабинеты сопоставляются по названию.'
            : 'Результат FET (файл *_activities.xml) для файла .fet, выгруженного из этой версии: станет новым черновиком на её основе.'}
      </Typography.Paragraph>
      <Space>
        <FilePick label={kind === 'portal' ? 'Файл ExportCM' : kind === 'asc' ? 'Файл aSc' : 'Результат FET'} accept=".xml,.nsxml" onPick={(f) => { setFile(f); setPreview(null); }} />
        <Button type="primary" onClick={run} loading={pp.isLoading || ap.isLoading || fp.isLoading} disabled={kind !== 'portal' && !file}>
          Предпросмотр
        </Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} />}
      {preview && (
        <>
          <ImportPreviewView preview={preview} />
          <Space>
            <Button type="primary" onClick={apply} loading={pa.isLoading || aa.isLoading || fa.isLoading}>
              {preview.existing ? 'Открыть загруженную версию' : 'Загрузить в черновик'}
            </Button>
            <Button onClick={() => setPreview(null)}>Отменить</Button>
          </Space>
        </>
      )}
    </Space>
  );
}

/** The portal's import file for the approved version: range, pattern, checks before writing. */
function PushTab({ meta, approved }: { meta: VersionMeta | null; approved: VersionMeta[] }) {
  const [from, setFrom] = useState<string | null>(meta?.effectiveFrom ?? null);
  const [to, setTo] = useState<string | null>(meta?.periodEnd ?? null);
  const [pattern, setPattern] = useState<1 | 2>(1);
  // The second week of a two-week pattern: another approved version, or the same timetable again.
  const [second, setSecond] = useState<string | null>(null);
  const [result, setResult] = useState<PushResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [push, { isLoading }] = usePortalTimetablePushMutation();
  if (!meta || meta.status !== 'approved') return <Alert type="info" showIcon title="В портал выгружается утверждённая версия: выберите её в списке версий." />;
  const run = async () => {
    setError(null);
    setResult(null);
    if (!from || !to) return setError('Укажите начало и конец периода');
    const r = await push({ versionId: meta.id, from, to, pattern, secondVersionId: pattern === 2 ? second : null });
    if (r.data) {
      setResult(r.data);
      if (r.data.file) downloadFile(r.data.file);
    } else setError(errorText(r));
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <span>С</span>
        <div style={{ width: 140 }}><DateField id="push-from" value={from} onChange={setFrom} /></div>
        <span>по</span>
        <div style={{ width: 140 }}><DateField id="push-to" value={to} onChange={setTo} /></div>
        <Radio.Group value={pattern} onChange={(e) => setPattern(e.target.value as 1 | 2)} options={[{ value: 1, label: 'однонедельный шаблон' }, { value: 2, label: 'двухнедельный' }]} />
        {pattern === 2 && (
          <Space>
            <label htmlFor="push-second">Вторая неделя:</label>
            <Select
              id="push-second"
              style={{ width: 280 }}
              value={second ?? ''}
              onChange={(v: string) => setSecond(v || null)}
              options={[
                { value: '', label: `та же версия «${meta.name}»` },
                ...approved.filter((v) => v.id !== meta.id).map((v) => ({ value: v.id, label: `${v.name}${v.effectiveFrom ? ` (с ${formatDateRu(v.effectiveFrom)})` : ''}` })),
              ]}
            />
          </Space>
        )}
        <Button type="primary" onClick={run} loading={isLoading}>
          Сформировать файл
        </Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} />}
      {result && result.issues.length > 0 && (
        <>
          <Alert type="error" showIcon title={`Файл не сформирован: ${result.issues.length} урок(ов) не переносятся в портал`} />
          <Table size="small" rowKey={(_r, i) => String(i)} dataSource={result.issues} pagination={{ pageSize: 8 }} columns={[{ title: 'Урок', dataIndex: 'lesson' }, { title: 'Причина', dataIndex: 'reason' }]} />
        </>
      )}
      {result?.file && (
        <Alert
          type="success"
          showIcon
          title={`Файл «${result.file.fileName}» сохранён (${plural(result.form.lessons, ['урок', 'урока', 'уроков'])})`}
          description={`В портале: «Расписание» → «Импорт расписания», период с ${formatDateRu(result.form.from)} по ${formatDateRu(result.form.to)}, шаблон: ${result.form.pattern === 2 ? 'двухнедельный' : 'однонедельный'}. Портал заменит расписание этих дат.`}
        />
      )}
      {result && result.holidays.length > 0 && <Alert type="warning" showIcon title="Эти дни портал пропустит" description={result.holidays.map((h) => h.label).join('; ')} />}
      {result?.warnings.map((w) => <Alert key={w} type="warning" showIcon title={w} />)}
    </Space>
  );
}

/**
 * «Обмен»: the timetable with the portal and aSc Timetables — the portal's current week and an aSc
 * export into a draft (preview first), the approved version as the portal's import file, a version
 * as aSc XML.
 */
export function TimetableExchangeModal({ yearId, studyPeriodId, meta, approved, canEdit, canPush, onClose, onOpen }: Props) {
  const [exportAsc, { isLoading }] = useAscTimetableExportMutation();
  const [exportFet, { isLoading: fetLoading }] = useFetExportMutation();
  const [notes, setNotes] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const items = [
    ...(canEdit
      ? [
          { key: 'portal-in', label: 'Из портала', children: <ImportTab kind="portal" yearId={yearId} studyPeriodId={studyPeriodId} onOpen={onOpen} /> },
          { key: 'asc-in', label: 'Из aSc', children: <ImportTab kind="asc" yearId={yearId} studyPeriodId={studyPeriodId} onOpen={onOpen} /> },
          { key: 'fet-school', label: 'Школа из FET', children: <FetSchoolTab yearId={yearId} studyPeriodId={studyPeriodId} onOpen={onOpen} /> },
        ]
      : []),
    ...(canPush ? [{ key: 'portal-out', label: 'В портал', children: <PushTab meta={meta} approved={approved} /> }] : []),
    {
      key: 'asc-out',
      label: 'Для aSc',
      children: (
        <Space direction="vertical">
          <Typography.Text>Версия «{meta?.name ?? '—'}» в формате aSc Timetables 2012 XML.</Typography.Text>
          <Button
            disabled={!meta}
            loading={isLoading}
            onClick={async () => {
              if (!meta) return;
              const r = await exportAsc({ versionId: meta.id });
              if (r.data) downloadFile(r.data);
              else setError(errorText(r));
            }}
          >
            Скачать XML для aSc
          </Button>
          {error && <Alert type="error" showIcon title={error} />}
        </Space>
      ),
    },
    {
      key: 'fet',
      label: 'FET',
      children: (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Button
            disabled={!meta}
            loading={fetLoading}
            onClick={async () => {
              if (!meta) return;
              const r = await exportFet({ versionId: meta.id });
              if (r.data) {
                downloadFile(r.data);
                setNotes(r.data.notes);
              } else setError(errorText(r));
            }}
          >
            Скачать .fet для FET
          </Button>
          {notes.length > 0 && <Alert type="info" showIcon title="Что FET передаётся приближённо" description={notes.join('; ')} />}
          {canEdit && meta && <ImportTab kind="fet" yearId={yearId} studyPeriodId={studyPeriodId} versionId={meta.id} onOpen={onOpen} />}
        </Space>
      ),
    },
  ];
  return (
    <Modal open title="Обмен расписанием" width={1000} onCancel={onClose} footer={null} destroyOnHidden>
      <Tabs items={items} />
    </Modal>
  );
}
