import { ReportPageHead } from './ReportPageHead';
import { Alert, Button, Card, Space, Spin } from 'antd';
import { EditOutlined, FileExcelOutlined } from '@ant-design/icons';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ENTITY_INFO } from '../../../src-shared/domain/reports/builderFields';
import { DateField } from '../../components/DateField';
import { useHasRight } from '../../components/useSession';
import { useDownload } from '../../components/downloadFile';
import { BuilderResultView } from './BuilderResultView';
import { useExportSavedMutation, useRunSavedQuery, useSavedReportQuery } from './reportsApi';

/** A saved report of the builder, run from the catalogue by anyone whose role is in its audience. */
export function CustomReportPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const date = search.get('date');
  const canBuild = useHasRight('reports.build');
  const { data: saved, error: savedError } = useSavedReportQuery({ id });
  const run = useRunSavedQuery({ id, date }, { skip: !saved });
  const [exportFile, exportState] = useExportSavedMutation();
  const download = useDownload();
  const error = (savedError ?? run.error) as { message?: string } | undefined;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ReportPageHead section="Отчёты конструктора" title={saved?.name ?? 'Отчёт'} />
      {saved && (
        <Card size="small">
          <Space wrap align="end">
            {ENTITY_INFO[saved.definition.entity].dated && (
              <div>
                <div style={{ fontSize: 12, color: '#666' }}>На дату</div>
                <div style={{ width: 160 }}>
                  <DateField id="customDate" value={date ?? saved.definition.date} placeholder="сегодня" onChange={(v) => setSearch(v ? { date: v } : {}, { replace: true })} />
                </div>
              </div>
            )}
            <Button type="primary" icon={<FileExcelOutlined />} loading={exportState.isLoading} disabled={!run.data} onClick={() => void download(() => exportFile({ id, date }), 'Файл Excel сохранён')}>
              Скачать Excel
            </Button>
            {canBuild && (
              <Button icon={<EditOutlined />} onClick={() => navigate(`/reports/builder/${id}`)}>
                Изменить в конструкторе
              </Button>
            )}
          </Space>
        </Card>
      )}
      {error && <Alert type="error" showIcon message={error.message ?? 'Отчёт не построен'} />}
      {run.isFetching && !run.data && <Spin />}
      {run.data && <BuilderResultView result={run.data} />}
    </Space>
  );
}
