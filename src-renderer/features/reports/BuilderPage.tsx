import { ReportPageHead } from './ReportPageHead';
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Col, Form, Input, InputNumber, Modal, Popconfirm, Row, Select, Space, Typography } from 'antd';
import { DeleteOutlined, EyeOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { ROLES, ROLE_IDS, type RoleId } from '../../../src-shared/contract/access';
import type { BuilderResult } from '../../../src-shared/contract/reportBuilder';
import { BUILDER_ENTITIES, ENTITY_INFO, FILTER_OPS, OPS_BY_TYPE, UNARY_OPS, fieldOf, type BuilderEntity, type FilterOp } from '../../../src-shared/domain/reports/builderFields';
import { definitionIssues, type BuilderDefinition, type BuilderFilter } from '../../../src-shared/domain/reports/builderEval';
import { DateField } from '../../components/DateField';
import { BuilderResultView } from './BuilderResultView';
import { useDeleteReportMutation, usePreviewBuilderMutation, useSaveReportMutation, useSavedReportQuery } from './reportsApi';

/**
 * «Конструктор отчётов» (work order §7.4): the administrator picks whom the report is about, the
 * columns (related ones too: a pupil's class, the parents' phones), conditions on any field, the day
 * memberships hold on, grouping with counts and totals, sorting; previews it and saves it with a
 * name and the roles that may run it from the catalogue.
 */
const EMPTY: BuilderDefinition = { entity: 'pupils', columns: ['fullName', 'className'], filters: [], date: null, groupBy: [], totals: [], sort: [] };

function fieldOptions(entity: BuilderEntity, types?: readonly string[]) {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const f of ENTITY_INFO[entity].fields) {
    if (types && !types.includes(f.type)) continue;
    groups.set(f.group, [...(groups.get(f.group) ?? []), { value: f.key, label: f.label }]);
  }
  return [...groups].map(([label, options]) => ({ label, options }));
}

function FilterRow({ entity, filter, onChange, onRemove, index }: { entity: BuilderEntity; filter: BuilderFilter; onChange: (f: BuilderFilter) => void; onRemove: () => void; index: number }) {
  const field = fieldOf(entity, filter.field);
  const ops = field ? OPS_BY_TYPE[field.type] : [];
  const value = () => {
    if (!field || UNARY_OPS.includes(filter.op)) return null;
    if (field.options) return <Select aria-label={`Условие ${index + 1}: значение`} style={{ width: 260 }} showSearch value={(filter.value as string) ?? undefined} onChange={(v) => onChange({ ...filter, value: v })} options={field.options.map((o) => ({ value: o, label: o }))} />;
    if (field.type === 'number') return <InputNumber aria-label={`Условие ${index + 1}: значение`} value={typeof filter.value === 'number' ? filter.value : null} onChange={(v) => onChange({ ...filter, value: v ?? null })} />;
    if (field.type === 'date') return <div style={{ width: 160 }}><DateField value={(filter.value as string) ?? null} onChange={(v) => onChange({ ...filter, value: v })} /></div>;
    return <Input aria-label={`Условие ${index + 1}: значение`} style={{ width: 220 }} value={(filter.value as string) ?? ''} onChange={(e) => onChange({ ...filter, value: e.target.value })} />;
  };
  return (
    <Space wrap role="group" aria-label={`Условие ${index + 1}`}>
      <Select
        aria-label={`Условие ${index + 1}: поле`}
        style={{ width: 260 }}
        showSearch
        optionFilterProp="label"
        value={filter.field || undefined}
        placeholder="поле"
        onChange={(v) => {
          const f = fieldOf(entity, v);
          onChange({ field: v, op: f ? OPS_BY_TYPE[f.type][0] : 'eq', value: null });
        }}
        options={fieldOptions(entity)}
      />
      <Select aria-label={`Условие ${index + 1}: условие`} style={{ width: 190 }} value={filter.op} onChange={(op: FilterOp) => onChange({ ...filter, op })} options={ops.map((o) => ({ value: o, label: FILTER_OPS[o] }))} />
      {value()}
      <Button danger type="text" icon={<DeleteOutlined />} onClick={onRemove} aria-label={`Удалить условие ${index + 1}`} />
    </Space>
  );
}

export function BuilderPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { data: saved } = useSavedReportQuery({ id: id ?? '' }, { skip: !id });
  const [def, setDef] = useState<BuilderDefinition>(EMPTY);
  const [result, setResult] = useState<BuilderResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [name, setName] = useState('');
  const [audience, setAudience] = useState<RoleId[]>(['admin', 'director', 'deputy', 'secretary']);
  const [preview, previewState] = usePreviewBuilderMutation();
  const [save, saveState] = useSaveReportMutation();
  const [remove] = useDeleteReportMutation();
  useEffect(() => {
    if (!saved) return;
    setDef(saved.definition as BuilderDefinition);
    setName(saved.name);
    setAudience(saved.audience as RoleId[]);
  }, [saved]);
  const issues = useMemo(() => definitionIssues(def), [def]);
  const info = ENTITY_INFO[def.entity];
  const numberColumns = def.columns.filter((k) => fieldOf(def.entity, k)?.type === 'number');
  const patch = (p: Partial<BuilderDefinition>) => {
    setDef((d) => ({ ...d, ...p }));
    setResult(null);
  };
  const runPreview = async () => {
    setError(null);
    const r = await preview({ definition: def });
    if ('data' in r && r.data) setResult(r.data);
    else setError((r.error as { message?: string } | undefined)?.message ?? 'Отчёт не построен');
  };
  const doSave = async () => {
    const r = await save({ id: saved?.id ?? null, version: saved?.version ?? 0, name, audience, definition: def });
    if ('data' in r && r.data) {
      message.success(`Отчёт «${r.data.name}» сохранён — он в каталоге отчётов`);
      setSaving(false);
      navigate(`/reports/builder/${r.data.id}`, { replace: true });
    } else message.error((r.error as { message?: string } | undefined)?.message ?? 'Не сохранено');
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ReportPageHead section="Конструктор отчётов" title={saved ? `Конструктор: ${saved.name}` : 'Конструктор отчётов'} />
      <Card size="small">
        <Form layout="vertical">
          <Row gutter={12}>
            <Col xs={24} md={6}>
              <Form.Item label="О ком отчёт">
                <Select
                  aria-label="О ком отчёт"
                  value={def.entity}
                  onChange={(entity: BuilderEntity) => patch({ entity, columns: [ENTITY_INFO[entity].fields[0].key], filters: [], groupBy: [], totals: [], sort: [] })}
                  options={BUILDER_ENTITIES.map((e) => ({ value: e, label: ENTITY_INFO[e].title }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="Столбцы (в этом порядке)">
                <Select aria-label="Столбцы" mode="multiple" showSearch optionFilterProp="label" value={def.columns} onChange={(columns: string[]) => patch({ columns, totals: def.totals.filter((t) => columns.includes(t)) })} options={fieldOptions(def.entity)} />
              </Form.Item>
            </Col>
            {info.dated && (
              <Col xs={24} md={6}>
                <Form.Item label="На дату (состав классов, должности)" tooltip="Пусто — на день, когда отчёт запускают">
                  <DateField id="builderDate" value={def.date} onChange={(date) => patch({ date })} placeholder="на день запуска" />
                </Form.Item>
              </Col>
            )}
          </Row>
          <Form.Item label="Условия (все должны выполняться)">
            <Space orientation="vertical" style={{ width: '100%' }}>
              {def.filters.map((f, i) => (
                <FilterRow
                  key={i}
                  index={i}
                  entity={def.entity}
                  filter={f}
                  onChange={(nf) => patch({ filters: def.filters.map((x, j) => (j === i ? nf : x)) })}
                  onRemove={() => patch({ filters: def.filters.filter((_, j) => j !== i) })}
                />
              ))}
              <Button icon={<PlusOutlined />} size="small" onClick={() => patch({ filters: [...def.filters, { field: '', op: 'eq', value: null }] })} disabled={def.filters.length >= 20}>
                Добавить условие
              </Button>
            </Space>
          </Form.Item>
          <Row gutter={12}>
            <Col xs={24} md={8}>
              <Form.Item label="Группировать по (до двух уровней)">
                <Select aria-label="Группировать по" mode="multiple" maxCount={2} allowClear value={def.groupBy} onChange={(groupBy: string[]) => patch({ groupBy })} options={fieldOptions(def.entity)} optionFilterProp="label" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="Итоги (суммы числовых столбцов)">
                <Select aria-label="Итоги" mode="multiple" allowClear value={def.totals} onChange={(totals: string[]) => patch({ totals })} options={numberColumns.map((k) => ({ value: k, label: fieldOf(def.entity, k)?.label ?? k }))} placeholder={numberColumns.length ? 'выберите' : 'нет числовых столбцов'} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item label="Сортировка">
                <Space.Compact style={{ width: '100%' }}>
                  <Select aria-label="Сортировать по" allowClear style={{ width: '70%' }} value={def.sort[0]?.field} onChange={(field?: string) => patch({ sort: field ? [{ field, dir: def.sort[0]?.dir ?? 'asc' }] : [] })} options={fieldOptions(def.entity)} optionFilterProp="label" />
                  <Select aria-label="Порядок" style={{ width: '30%' }} value={def.sort[0]?.dir ?? 'asc'} disabled={!def.sort[0]} onChange={(dir: 'asc' | 'desc') => patch({ sort: def.sort[0] ? [{ field: def.sort[0].field, dir }] : [] })} options={[{ value: 'asc', label: 'А→Я' }, { value: 'desc', label: 'Я→А' }]} />
                </Space.Compact>
              </Form.Item>
            </Col>
          </Row>
          {issues.length > 0 && <Alert type="warning" showIcon message={issues.map((x) => x.message).join('; ')} style={{ marginBottom: 8 }} />}
          <Space wrap>
            <Button type="primary" icon={<EyeOutlined />} onClick={() => void runPreview()} loading={previewState.isLoading} disabled={issues.length > 0}>
              Просмотр
            </Button>
            <Button icon={<SaveOutlined />} onClick={() => setSaving(true)} disabled={issues.length > 0}>
              {saved ? 'Сохранить изменения…' : 'Сохранить отчёт…'}
            </Button>
            {saved && (
              <Popconfirm title={`Удалить отчёт «${saved.name}»?`} okText="Удалить" cancelText="Отмена" onConfirm={async () => {
                const r = await remove({ id: saved.id, version: saved.version });
                if ('data' in r) navigate('/reports');
              }}>
                <Button danger>Удалить</Button>
              </Popconfirm>
            )}
          </Space>
        </Form>
      </Card>
      {error && <Alert type="error" showIcon message={error} />}
      {result && <BuilderResultView result={result} />}
      <Modal open={saving} title="Сохранить отчёт" okText="Сохранить" cancelText="Отмена" onOk={() => void doSave()} confirmLoading={saveState.isLoading} onCancel={() => setSaving(false)} okButtonProps={{ disabled: name.trim().length < 3 || audience.length === 0 }}>
        <Form layout="vertical">
          <Form.Item label="Название" required>
            <Input aria-label="Название отчёта" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
          </Form.Item>
          <Form.Item label="Кто может запускать из каталога">
            <Checkbox.Group value={audience} onChange={(v) => setAudience(v as RoleId[])} options={ROLE_IDS.map((r) => ({ value: r, label: ROLES[r] }))} />
          </Form.Item>
          <Typography.Text type="secondary">Каждый видит в отчёте только то, что ему доступно: учитель — свои классы, без права на карточки родителей — без их данных.</Typography.Text>
        </Form>
      </Modal>
    </Space>
  );
}
