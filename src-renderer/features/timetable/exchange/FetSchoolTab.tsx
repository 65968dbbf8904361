import { useState } from 'react';
import { Alert, App, Button, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { DEFAULT_FET_BELLS, type FetBells } from '../../../../src-shared/contract/timetableExchange';
import { errorText } from '../../../components/serverErrors';
import { FilePick, type Upload } from './FilePick';
import { ImportPreviewView } from './ImportPreviewView';
import { timetableApi } from '../timetableApi';
import { useFetSchoolApplyMutation, useFetSchoolPreviewMutation, type FetSchoolPreview } from './ttExchangeApi';

const CLASS_SOURCE: Record<FetSchoolPreview['sanpin']['classes'][number]['source'], { color: string; text: string }> = {
  name: { color: 'green', text: 'по названию' },
  caller: { color: 'blue', text: 'указано' },
  none: { color: 'red', text: 'не определена' },
};

const SUBJECT_SOURCE: Record<FetSchoolPreview['sanpin']['subjects'][number]['source'], string> = {
  dictionary: 'справочник СанПиН',
  school: 'предмет школы',
  caller: 'указано',
  none: 'не найдены',
};

/**
 * «Школа из FET»: a whole `.fet` file into a year without classes. The preview shows what the
 * import inferred for SanPiN (grades from class names, difficulty points from subject names) and
 * asks for the bare numbers FET does not hold — a grade the name does not say, the bell times —
 * then «Импортировать» writes the school and a draft with its lessons, to be built by the solver.
 */
export function FetSchoolTab({ yearId, studyPeriodId, onOpen }: { yearId: string; studyPeriodId: string | null; onOpen: (id: string) => void }) {
  const { message } = App.useApp();
  const [file, setFile] = useState<Upload>(null);
  const [grades, setGrades] = useState<Record<string, number>>({});
  const [bells, setBells] = useState<FetBells>(DEFAULT_FET_BELLS);
  const [preview, setPreview] = useState<FetSchoolPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Grades or bells changed since the preview: it stays in view, «Импортировать» waits for a new one.
  const [dirty, setDirty] = useState(false);
  const [runPreview, p] = useFetSchoolPreviewMutation();
  const [runApply, a] = useFetSchoolApplyMutation();
  const [refreshVersions] = timetableApi.useLazyTimetableVersionsQuery();
  const run = async () => {
    if (!file) return;
    setError(null);
    setDirty(false);
    const r = await runPreview({ yearId, studyPeriodId, file, grades, bells });
    if (r.data) setPreview(r.data);
    else {
      setPreview(null);
      setError(errorText(r));
    }
  };
  const apply = async () => {
    if (!preview || !file) return;
    const r = await runApply({ yearId, studyPeriodId, file, grades, bells, signature: preview.signature });
    if (r.data) {
      // As the other imports: the toast comes once the year's version list holds the draft.
      if (r.data.created) await refreshVersions({ yearId }).catch(() => undefined);
      message.success(r.data.created ? `Создан черновик «${r.data.preview.versionName}»` : 'Этот файл уже был загружен — ничего не изменено');
      if (r.data.versionId) onOpen(r.data.versionId);
    } else setError(errorText(r));
  };
  // A change of what the preview was made with asks for a new preview before «Импортировать».
  const stale = (f: () => void) => {
    f();
    setDirty(true);
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        Файл школы из FET (.fet) — в учебный год без классов: будут созданы предметы, кабинеты, звонки, классы, учителя и нагрузка, а из занятий — черновик с
        уроками (расставьте их кнопкой «Составить»). В FET нет времени звонков: укажите его ниже.
      </Typography.Paragraph>
      <Space wrap>
        <FilePick label="Файл школы FET" accept=".fet,.xml" onPick={(f) => { setFile(f); setGrades({}); setPreview(null); }} />
        <span>Начало 1-го урока</span>
        <Input aria-label="Начало первого урока" style={{ width: 80 }} value={bells.start} onChange={(e) => stale(() => setBells({ ...bells, start: e.target.value }))} />
        <span>урок, мин</span>
        <InputNumber aria-label="Длительность урока, мин" min={20} max={90} value={bells.lessonMinutes} onChange={(v) => stale(() => setBells({ ...bells, lessonMinutes: v ?? DEFAULT_FET_BELLS.lessonMinutes }))} />
        <span>перемена, мин</span>
        <InputNumber aria-label="Перемена, мин" min={0} max={60} value={bells.breakMinutes} onChange={(v) => stale(() => setBells({ ...bells, breakMinutes: v ?? DEFAULT_FET_BELLS.breakMinutes }))} />
        <Button type="primary" onClick={run} loading={p.isLoading} disabled={!file}>
          Предпросмотр
        </Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} />}
      {preview && dirty && <Alert type="info" showIcon title="Параллели или звонки изменены — нажмите «Предпросмотр» ещё раз" />}
      {preview && (
        <>
          <SanpinView preview={preview} grades={grades} onGrade={(name, g) => stale(() => setGrades({ ...grades, [name]: g }))} />
          <ImportPreviewView preview={preview} />
          <Space>
            <Button type="primary" onClick={apply} loading={a.isLoading} disabled={dirty}>
              {preview.existing ? 'Открыть загруженную версию' : 'Импортировать'}
            </Button>
            <Button onClick={() => setPreview(null)}>Отменить</Button>
          </Space>
        </>
      )}
    </Space>
  );
}

/** A short list by name: pages of eight when longer. */
const listProps = <T extends { name: string }>(rows: T[]) => ({ rowKey: 'name' as const, dataSource: rows, pagination: rows.length > 8 ? { pageSize: 8, showSizeChanger: false } : (false as const) });

/** What the import inferred for SanPiN: each class's grade (typed where the name does not say it) and each subject's points. */
function SanpinView({ preview, grades, onGrade }: { preview: FetSchoolPreview; grades: Record<string, number>; onGrade: (name: string, grade: number) => void }) {
  const missing = preview.sanpin.classes.filter((c) => c.grade === null).length;
  const unrated = preview.sanpin.subjects.filter((s) => s.source === 'none').length;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert
        type={missing ? 'warning' : 'info'}
        showIcon
        title={`СанПиН: параллель определена у ${preview.sanpin.classes.length - missing} из ${preview.sanpin.classes.length} классов, баллы трудности — у ${preview.sanpin.subjects.length - unrated} из ${preview.sanpin.subjects.length} предметов`}
        description={
          missing
            ? 'Укажите параллель классов, у которых она не определена, и нажмите «Предпросмотр» ещё раз: без неё класс не создаётся. Параллели и баллы влияют только на показатели СанПиН, правила файла не меняются.'
            : 'Параллели и баллы влияют только на показатели СанПиН (пик трудности во вт/ср, трудные уроки первыми и последними).'
        }
      />
      <Table
        size="small"
        {...listProps(preview.sanpin.classes)}
        columns={[
          { title: 'Класс в FET', dataIndex: 'name' },
          { title: 'Откуда', dataIndex: 'source', width: 140, render: (s: keyof typeof CLASS_SOURCE) => <Tag color={CLASS_SOURCE[s].color}>{CLASS_SOURCE[s].text}</Tag> },
          {
            title: 'Параллель',
            width: 130,
            render: (_: unknown, c: FetSchoolPreview['sanpin']['classes'][number]) => (
              <InputNumber aria-label={`Параллель ${c.name}`} min={1} max={11} value={grades[c.name] ?? c.grade ?? undefined} onChange={(v) => v && onGrade(c.name, v)} />
            ),
          },
        ]}
      />
      <Table
        size="small"
        {...listProps(preview.sanpin.subjects)}
        columns={[
          { title: 'Предмет в FET', dataIndex: 'name' },
          { title: 'Баллы СанПиН', dataIndex: 'source', width: 160, render: (s: keyof typeof SUBJECT_SOURCE, r) => (r.match && !r.match.exact ? `${SUBJECT_SOURCE[s]} («${r.match.as}» — проверьте)` : SUBJECT_SOURCE[s]) },
          {
            title: 'По параллелям',
            render: (_: unknown, s: FetSchoolPreview['sanpin']['subjects'][number]) =>
              [...Object.entries(s.points).map(([g, pts]) => `${g} кл.: ${pts}`), ...s.missingGrades.map((g) => `${g} кл.: —`)].join(', ') || '—',
          },
        ]}
      />
    </Space>
  );
}
