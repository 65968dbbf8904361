import { ReportPageHead } from './ReportPageHead';
import { useState } from 'react';
import { Button, Card, Result, Select, Space, Typography } from 'antd';
import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { PRINT_FORMS, PRINT_FORM_KEYS, type PrintFormKey } from '../../../src-shared/domain/reports/catalogue';
import type { CertificateRow } from '../../../src-shared/contract/reports';
import { useDownload } from '../../components/downloadFile';
import { formatDateRu } from '../../components/format';
import { usePupilsQuery, useStaffListQuery } from '../people/peopleApi';
import { useCertificatesQuery, usePrintPupilCardMutation, usePrintStaffCardMutation, usePrintStudyCertificateMutation, usePrintWorkCertificateMutation } from './reportsApi';
import { SortableTable } from '../../components/SortableTable';

/**
 * A print form from the catalogue: find the person, get the DOCX (the school's template) or the PDF.
 * The same buttons sit on the pupil's and the staff member's card.
 */
function PersonPicker({ kind, value, onChange }: { kind: 'pupil' | 'staff'; value: string | null; onChange: (id: string | null) => void }) {
  const [search, setSearch] = useState('');
  const pupils = usePupilsQuery({ search, limit: 30 }, { skip: kind !== 'pupil' });
  const staff = useStaffListQuery({ search, limit: 30 }, { skip: kind !== 'staff' });
  const options =
    kind === 'pupil'
      ? (pupils.data ?? []).map((p) => ({ value: p.id, label: `${p.lastName} ${p.firstName} ${p.middleName ?? ''}${p.className ? ` (${p.className})` : ''}` }))
      : (staff.data ?? []).map((s) => ({ value: s.id, label: `${s.lastName} ${s.firstName} ${s.middleName ?? ''}${s.position ? ` — ${s.position}` : ''}` }));
  return (
    <Select
      aria-label={kind === 'pupil' ? 'Обучающийся' : 'Сотрудник'}
      showSearch
      allowClear
      filterOption={false}
      style={{ width: 420 }}
      placeholder="начните вводить фамилию"
      value={value ?? undefined}
      onSearch={setSearch}
      onChange={(v) => onChange(v ?? null)}
      options={options}
    />
  );
}

const BUTTON_TITLES: Record<PrintFormKey, string> = {
  'pupil-card': 'Личная карта (Word)',
  'staff-card-t2': 'Карточка Т-2 (Word)',
  'study-certificate': 'Справка об обучении (Word)',
  'work-certificate': 'Справка с места работы (Word)',
};

export function PrintButtons({ form, personId }: { form: PrintFormKey; personId: string | null }) {
  const [printPupil, p] = usePrintPupilCardMutation();
  const [printStaff, s] = usePrintStaffCardMutation();
  const [printStudy, st] = usePrintStudyCertificateMutation();
  const [printWork, w] = usePrintWorkCertificateMutation();
  const download = useDownload();
  const id = personId ?? '';
  const call = (format: 'docx' | 'pdf') => {
    if (form === 'pupil-card') return printPupil({ pupilId: id, format });
    if (form === 'staff-card-t2') return printStaff({ staffId: id, format });
    if (form === 'study-certificate') return printStudy({ pupilId: id, format });
    return printWork({ staffId: id, format });
  };
  const certificate = Boolean(PRINT_FORMS[form].certificate);
  const run = (format: 'docx' | 'pdf') => download(() => call(format), certificate ? 'Справка записана в журнал, файл сохранён' : 'Файл сохранён');
  const loading = p.isLoading || s.isLoading || st.isLoading || w.isLoading;
  return (
    <Space>
      <Button icon={<FileWordOutlined />} disabled={!personId} loading={loading} onClick={() => void run('docx')}>
        {BUTTON_TITLES[form]}
      </Button>
      <Button icon={<FilePdfOutlined />} disabled={!personId} loading={loading} onClick={() => void run('pdf')} aria-label={`${PRINT_FORMS[form].title} PDF`}>
        PDF
      </Button>
    </Space>
  );
}

/** The register of issued certificates, for the secretary (study) and HR (work). */
function CertificateRegister({ kind }: { kind: 'study' | 'work' }) {
  const { data, isFetching } = useCertificatesQuery({});
  const rows = (data ?? []).filter((r) => r.kind === kind);
  return (
    <Card size="small" title="Журнал выданных справок">
      <SortableTable<CertificateRow>
        listKey="reports.certificates"
        rowKey="id"
        loading={isFetching}
        dataSource={rows}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        aria-label="Журнал выданных справок"
        columns={[
          { title: '№', width: 80, render: (_, r) => `${r.number}/${r.year}`, sorter: (a, b) => a.year - b.year || a.number - b.number },
          { title: 'Дата', width: 110, dataIndex: 'issuedOn', render: (d: string) => formatDateRu(d), sorter: (a, b) => a.issuedOn.localeCompare(b.issuedOn) },
          { title: 'Кому', dataIndex: 'personName', sorter: (a, b) => a.personName.localeCompare(b.personName, 'ru') },
          { title: kind === 'study' ? 'Класс' : 'Должность', dataIndex: 'detail' },
          { title: 'Для предъявления', dataIndex: 'purpose' },
          { title: 'Выдал', dataIndex: 'issuedBy' },
        ]}
      />
    </Card>
  );
}

export function PrintFormPage() {
  const { key = '' } = useParams();
  const [personId, setPersonId] = useState<string | null>(null);
  if (!(PRINT_FORM_KEYS as readonly string[]).includes(key)) return <Result status="404" title="Нет такой печатной формы" extra={<Link to="/reports">К каталогу отчётов</Link>} />;
  const form = key as PrintFormKey;
  const info = PRINT_FORMS[form];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ReportPageHead section="Печатные формы" title={info.title}>
        <Typography.Paragraph type="secondary">
          {info.purpose} Основание: {info.source}.
        </Typography.Paragraph>
      </ReportPageHead>
      <Card size="small">
        <Space wrap>
          <PersonPicker kind={info.person} value={personId} onChange={setPersonId} />
          <PrintButtons form={form} personId={personId} />
        </Space>
      </Card>
      {info.certificate && <CertificateRegister kind={info.certificate} />}
    </Space>
  );
}
