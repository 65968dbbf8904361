import { useEffect, useState } from 'react';
import { Alert, App, Button, Col, Descriptions, Input, Popconfirm, Radio, Row, Space, Table, Tag } from 'antd';
import { RollbackOutlined, SaveOutlined } from '@ant-design/icons';
import type { ProductionYearInput, ProductionYearView } from '../../../src-shared/contract/productionCalendar';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';
import { formatDateRu } from '../../components/format';
import { DateField } from '../../components/DateField';
import { DateListEditor } from './DateListEditor';
import { useResetProductionYearMutation, useSaveProductionYearMutation } from './calendarApi';

const MONTHS = ['янв', 'фев', 'мар', 'апр', 'май', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'];

type Draft = Omit<ProductionYearInput, 'transfers'> & { transfers: { from: string; to: string }[] };

function draftOf(y: ProductionYearView): Draft {
  return { year: y.year, status: y.status, source: y.source, holidays: y.holidays, daysOff: y.daysOff, workingWeekends: y.workingWeekends, shortDays: y.shortDays, transfers: y.transfers };
}

/** One year of the production calendar: its dates, monthly working days, correction and reset. */
export function ProductionYearEditor({ year, canEdit }: { year: ProductionYearView; canEdit: boolean }) {
  const { message } = App.useApp();
  const [draft, setDraft] = useState<Draft>(draftOf(year));
  const [error, setError] = useState<string | null>(null);
  const [save, { isLoading }] = useSaveProductionYearMutation();
  const [reset] = useResetProductionYearMutation();
  useEffect(() => setDraft(draftOf(year)), [year]);
  const dirty = JSON.stringify(draft) !== JSON.stringify(draftOf(year));
  useUnsavedGuard(dirty);
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const total = year.workingDays.reduce((a, b) => a + b, 0);

  const doSave = async () => {
    setError(null);
    const r = await save({ data: draft, version: year.origin === 'database' ? year.version : 0 });
    if ('data' in r && r.data) message.success(`Производственный календарь на ${year.year} год сохранён`);
    else setError((r.error as { message?: string })?.message ?? 'Не удалось сохранить');
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label="Статус">
          {year.status === 'official' ? <Tag color="green">по постановлению</Tag> : <Tag color="orange">прогноз</Tag>}
          {year.origin === 'database' ? <Tag color="blue">загружен или исправлен в программе{year.updatedAt ? ` ${formatDateRu(year.updatedAt.slice(0, 10))}` : ''}</Tag> : <Tag>поставляется с программой</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label="Источник">{year.source}</Descriptions.Item>
      </Descriptions>
      <Table
        size="small"
        pagination={false}
        rowKey="k"
        aria-label="Рабочие дни по месяцам"
        dataSource={[{ k: 'w', ...Object.fromEntries(year.workingDays.map((w, i) => [i, w])) }]}
        columns={[{ title: 'Рабочих дней', render: () => 'по датам', key: 'l' }, ...MONTHS.map((m, i) => ({ title: m, dataIndex: String(i), key: m, align: 'center' as const })), { title: 'Год', key: 't', render: () => total }]}
      />
      {error && <Alert type="error" showIcon message={error} data-testid="form-error" />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <h4>Нерабочие праздничные дни (ст. 112 ТК РФ)</h4>
          <DateListEditor label="Праздничные дни" value={draft.holidays} onChange={(holidays) => set({ holidays })} disabled={!canEdit} />
        </Col>
        <Col xs={24} lg={12}>
          <h4>Выходные дни по переносу</h4>
          <DateListEditor label="Перенесённые выходные" value={draft.daysOff} onChange={(daysOff) => set({ daysOff })} disabled={!canEdit} />
        </Col>
        <Col xs={24} lg={12}>
          <h4>Рабочие субботы и воскресенья</h4>
          <DateListEditor label="Рабочие выходные" value={draft.workingWeekends} onChange={(workingWeekends) => set({ workingWeekends })} disabled={!canEdit} />
        </Col>
        <Col xs={24} lg={12}>
          <h4>Сокращённые предпраздничные дни</h4>
          <DateListEditor label="Сокращённые дни" value={draft.shortDays} onChange={(shortDays) => set({ shortDays })} disabled={!canEdit} />
        </Col>
      </Row>
      <div>
        <h4>Переносы выходных (откуда → куда)</h4>
        <Space wrap>
          {draft.transfers.map((t) => (
            <Tag key={`${t.from}-${t.to}`} closable={canEdit} onClose={() => set({ transfers: draft.transfers.filter((x) => x !== t) })}>
              {formatDateRu(t.from)} → {formatDateRu(t.to)}
            </Tag>
          ))}
          {draft.transfers.length === 0 && <span style={{ color: '#999' }}>нет</span>}
        </Space>
        {canEdit && <TransferAdder onAdd={(t) => set({ transfers: [...draft.transfers, t], daysOff: draft.daysOff.includes(t.to) ? draft.daysOff : [...draft.daysOff, t.to].sort() })} />}
      </div>
      {canEdit && (
        <Space wrap>
          <span>Статус:</span>
          <Radio.Group value={draft.status} onChange={(e) => set({ status: e.target.value })} options={[{ value: 'official', label: 'по постановлению' }, { value: 'forecast', label: 'прогноз' }]} />
          <Input aria-label="Источник" style={{ width: 420 }} value={draft.source} onChange={(e) => set({ source: e.target.value })} placeholder="Постановление Правительства РФ от … № …" />
          <Button type="primary" icon={<SaveOutlined />} disabled={!dirty} loading={isLoading} onClick={() => void doSave()}>
            Сохранить год
          </Button>
          {year.origin === 'database' && (
            <Popconfirm
              title={year.shipped ? 'Вернуть данные, поставляемые с программой?' : 'Удалить этот год из программы?'}
              okText="Да"
              cancelText="Отмена"
              onConfirm={async () => {
                const r = await reset({ year: year.year, version: year.version });
                if ('error' in r && r.error) message.error((r.error as { message: string }).message);
              }}
            >
              <Button icon={<RollbackOutlined />}>{year.shipped ? 'Вернуть поставляемые данные' : 'Удалить год'}</Button>
            </Popconfirm>
          )}
        </Space>
      )}
    </Space>
  );
}

function TransferAdder({ onAdd }: { onAdd: (t: { from: string; to: string }) => void }) {
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  return (
    <Space style={{ marginTop: 8 }}>
      <div style={{ width: 150 }}>
        <DateField value={from} onChange={setFrom} placeholder="выходной день" />
      </div>
      <span>→</span>
      <div style={{ width: 150 }}>
        <DateField value={to} onChange={setTo} placeholder="переносится на" />
      </div>
      <Button
        size="small"
        disabled={!from || !to}
        onClick={() => {
          if (from && to) onAdd({ from, to });
          setFrom(null);
          setTo(null);
        }}
      >
        Добавить перенос
      </Button>
    </Space>
  );
}
