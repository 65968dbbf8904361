import { useState } from 'react';
import { Button, Card, Result, Select, Space, Typography } from 'antd';
import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { PRINT_FORMS, PRINT_FORM_KEYS, type PrintFormKey } from '../../../src-shared/domain/reports/catalogue';
import { useDownload } from '../../components/downloadFile';
import { usePupilsQuery, useStaffListQuery } from '../people/peopleApi';
import { usePrintPupilCardMutation, usePrintStaffCardMutation } from './reportsApi';

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

export function PrintButtons({ form, personId }: { form: PrintFormKey; personId: string | null }) {
  const [printPupil, p] = usePrintPupilCardMutation();
  const [printStaff, s] = usePrintStaffCardMutation();
  const download = useDownload();
  const run = (format: 'docx' | 'pdf') =>
    download(() => (form === 'pupil-card' ? printPupil({ pupilId: personId ?? '', format }) : printStaff({ staffId: personId ?? '', format })), 'Файл сохранён');
  const loading = p.isLoading || s.isLoading;
  return (
    <Space>
      <Button icon={<FileWordOutlined />} disabled={!personId} loading={loading} onClick={() => void run('docx')}>
        {PRINT_FORMS[form].person === 'pupil' ? 'Личная карта (Word)' : 'Карточка Т-2 (Word)'}
      </Button>
      <Button icon={<FilePdfOutlined />} disabled={!personId} loading={loading} onClick={() => void run('pdf')}>
        PDF
      </Button>
    </Space>
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
      <div>
        <Typography.Text type="secondary">
          <Link to="/reports">Отчёты</Link> / Печатные формы
        </Typography.Text>
        <Typography.Title level={2} style={{ margin: '4px 0' }}>
          {info.title}
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          {info.purpose} Основание: {info.source}.
        </Typography.Paragraph>
      </div>
      <Card size="small">
        <Space wrap>
          <PersonPicker kind={info.person} value={personId} onChange={setPersonId} />
          <PrintButtons form={form} personId={personId} />
        </Space>
      </Card>
    </Space>
  );
}
