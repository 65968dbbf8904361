import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Popconfirm, Result, Space, Statistic, Steps, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import type { PreviewAction, PreviewEntity, PullPreview, PullReport } from '../../../src-shared/contract/exchange';
import { errorText } from '../../components/serverErrors';
import { useHasRight } from '../../components/useSession';
import { ENTITY_LABELS } from './exchangeLabels';
import { fileToBase64, usePullApplyMutation, usePullCancelMutation, usePullPreviewMutation } from './exchangeApi';
import { PreviewSummary } from './PreviewSummary';
import { PreviewTable } from './PreviewTable';
import { PullProgress } from './PullProgress';
import { formatCount } from '../../components/format';

/**
 * «Загрузка из портала»: choose the portal's export files → see what will be created, changed,
 * left alone or rejected (row and column) → apply everything in one go, or cancel and nothing
 * changes → the report.
 */
export function PullWizard() {
  const { message } = App.useApp();
  const canPull = useHasRight('exchange.pull');
  const [files, setFiles] = useState<File[]>([]);
  const [preview, setPreview] = useState<PullPreview | null>(null);
  const [report, setReport] = useState<PullReport | null>(null);
  const [decisions, setDecisions] = useState<Record<string, string>>({});
  // The background job now running (its progress and «Остановить»), and a kind picked in the summary.
  const [job, setJob] = useState<{ id: string; title: string } | null>(null);
  const [pick, setPick] = useState<{ entity: PreviewEntity; action: PreviewAction } | null>(null);
  // Why the files were refused: stays on screen (a long message naming the file and the line) until the files change.
  const [refusal, setRefusal] = useState<string | null>(null);
  const [runPreview, previewState] = usePullPreviewMutation();
  const [apply, applyState] = usePullApplyMutation();
  const [cancel] = usePullCancelMutation();
  const step = report ? 2 : preview ? 1 : 0;

  const start = async () => {
    const payload = await Promise.all(files.map(async (f) => ({ fileName: f.name, contentBase64: await fileToBase64(f) })));
    const jobId = crypto.randomUUID();
    setJob({ id: jobId, title: 'Чтение и сопоставление файлов' });
    const r = await runPreview({ files: payload, jobId });
    setJob(null);
    if ('data' in r && r.data) {
      setPreview(r.data);
      setDecisions({});
      setPick(null);
      setRefusal(null);
    } else setRefusal(errorText(r));
  };
  const doApply = async () => {
    if (!preview) return;
    const jobId = crypto.randomUUID();
    setJob({ id: jobId, title: 'Запись в программу' });
    const r = await apply({ exchangeId: preview.exchangeId, version: preview.version, decisions, jobId });
    setJob(null);
    if ('data' in r && r.data) setReport(r.data);
    else message.error(errorText(r) ?? 'Ошибка');
  };
  const doCancel = async () => {
    if (!preview) return;
    await cancel({ exchangeId: preview.exchangeId, version: preview.version });
    message.info('Загрузка отменена: в программе ничего не изменилось.');
    setPreview(null);
  };
  const restart = () => {
    setFiles([]);
    setPreview(null);
    setReport(null);
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Steps current={step} items={[{ title: 'Файлы портала' }, { title: 'Предпросмотр' }, { title: 'Отчёт' }]} />
      {step === 0 && (
        <Card size="small">
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Paragraph>
              Выгрузите из «Сетевого города» файлы и выберите их здесь: <b>ExportCM.nsxml</b> (экспорт для Хронографа: классы, предметы, кабинеты, звонки, нагрузка), <b>список учащихся</b> (расширенная форма «Выгрузка данных» или краткий список с логинами), <b>список сотрудников</b>, <b>книга движения</b>. Подходят .xls (как их сохраняет портал), .xlsx, .csv в кодировке Windows-1251 или UTF-8.
            </Typography.Paragraph>
            <Upload.Dragger
              multiple
              beforeUpload={(f) => {
                setFiles((cur) => [...cur.filter((x) => x.name !== f.name), f]);
                setRefusal(null);
                return false;
              }}
              onRemove={(f) => {
                setFiles((cur) => cur.filter((x) => x.name !== f.name));
                setRefusal(null);
              }}
              fileList={files.map((f) => ({ uid: f.name, name: f.name, status: 'done' as const }))}
              accept=".xls,.xlsx,.csv,.nsxml,.xml,.txt"
              data-testid="pull-files"
            >
              <p className="ant-upload-drag-icon"><InboxOutlined /></p>
              <p>Перетащите файлы портала сюда или нажмите, чтобы выбрать</p>
            </Upload.Dragger>
            <Button type="primary" disabled={files.length === 0 || !canPull} loading={previewState.isLoading} onClick={start}>
              Показать, что изменится
            </Button>
            {job && step === 0 && <PullProgress jobId={job.id} title={job.title} />}
            {refusal && <Alert type="error" showIcon message="Файлы не загружены" description={refusal} data-testid="pull-refusal" />}
            {!canPull && <Alert type="info" showIcon message="Загружать данные из портала может администратор или секретарь." />}
          </Space>
        </Card>
      )}
      {step === 1 && preview && (
        <>
          <PreviewSummary preview={preview} onPick={(entity, action) => setPick({ entity, action })} />
          <Space wrap size="large" data-testid="preview-counts">
            <Statistic title="Будет создано" value={preview.counts.create} valueStyle={{ color: '#389e0d' }} groupSeparator=" " />
            <Statistic title="Будет изменено" value={preview.counts.update} valueStyle={{ color: '#1677ff' }} groupSeparator=" " />
            <Statistic title="Без изменений" value={preview.counts.unchanged} groupSeparator=" " />
            <Statistic title="Отклонено" value={preview.counts.rejected} valueStyle={{ color: preview.counts.rejected ? '#cf1322' : undefined }} groupSeparator=" " />
            <Statistic title="Нужно решение" value={preview.counts.ambiguous} valueStyle={{ color: preview.counts.ambiguous ? '#d46b08' : undefined }} groupSeparator=" " />
          </Space>
          {preview.counts.rejected > 0 && <Alert type="warning" showIcon message="Отклонённые строки не будут загружены. Исправьте их в портале или в файле и загрузите файл ещё раз — остальные строки можно применить уже сейчас." />}
          <PreviewTable preview={preview} pick={pick} decisions={decisions} onDecide={(k, v) => setDecisions((d) => ({ ...d, [k]: v }))} />
          {job && <PullProgress jobId={job.id} title={job.title} />}
          <Space>
            <Popconfirm title="Применить загрузку?" description="Все изменения будут записаны одной операцией." okText="Применить" cancelText="Нет" onConfirm={doApply}>
              <Button type="primary" loading={applyState.isLoading} disabled={preview.counts.create + preview.counts.update + Object.keys(decisions).length === 0}>
                Применить
              </Button>
            </Popconfirm>
            <Button onClick={doCancel} disabled={Boolean(job)}>
              Отменить загрузку
            </Button>
          </Space>
        </>
      )}
      {step === 2 && report && (
        <Result
          status="success"
          title="Загрузка из портала применена"
          subTitle={`Создано и изменено записей: ${formatCount(Object.values(report.written).reduce((a, b) => a + b, 0))}; отклонено строк: ${formatCount(report.counts.rejected)}`}
          extra={<Button onClick={restart}>Новая загрузка</Button>}
        >
          <Descriptions size="small" column={2} bordered data-testid="pull-report">
            {Object.entries(report.written).map(([k, v]) => (
              <Descriptions.Item key={k} label={WRITTEN_LABELS[k] ?? ENTITY_LABELS[k as keyof typeof ENTITY_LABELS] ?? k}>{v}</Descriptions.Item>
            ))}
            <Descriptions.Item label="Подтверждено файлов для портала">{report.confirmedPushes}</Descriptions.Item>
            <Descriptions.Item label="Учётных записей портала отмечено созданными">{report.accountsCreated}</Descriptions.Item>
          </Descriptions>
        </Result>
      )}
    </Space>
  );
}

const WRITTEN_LABELS: Record<string, string> = {
  pupil: 'Обучающиеся',
  parent: 'Родители',
  staff: 'Сотрудники',
  link: 'Связи родитель — ребёнок',
  membership: 'Зачисления в классы',
  account: 'Учётные записи портала',
  schoolClass: 'Классы',
  subject: 'Предметы',
  room: 'Кабинеты',
  subgroup: 'Подгруппы',
  bellSchedule: 'Расписания звонков',
  teachingAssignment: 'Нагрузка (учитель — класс — предмет)',
  curriculumPlan: 'Учебные планы (параллелей и отличия классов)',
  curriculumRow: 'Строки учебных планов',
  bellLesson: 'Уроки в расписаниях звонков',
  staffSubject: 'Учитель — предмет (кто что преподаёт)',
  jointGroup: 'Сводные группы нескольких классов',
  movementOrder: 'Приказы книги движения (история из портала)',
};
