import { useState } from 'react';
import { Alert, App, Button, Checkbox, Col, Form, Input, Modal, Row, Select, Space, Table, Typography } from 'antd';
import { LinkOutlined, UserAddOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import type { DuplicateCandidate, PupilView } from '../../../src-shared/contract/peopleViews';
import { RELATIONS, type Relation } from '../../../src-shared/domain/peopleDictionaries';
import { DateField } from '../../components/DateField';
import { formatDateRu } from '../../components/format';
import { DuplicateAlert } from '../people/DuplicateAlert';
import { useAddLinkMutation, useCreateParentMutation, useParentsQuery, useRemoveLinkMutation, useUpdateLinkMutation } from '../people/peopleApi';
import { useEarlyDuplicates } from '../people/useEarlyDuplicates';
import { useDebounced } from '../../components/usePersisted';
import { errorOf, errorText } from '../../components/serverErrors';
import { NameFields } from '../../components/NameFields';

/**
 * «Семья» of a pupil: parents and legal representatives with the relation and the legal-representative
 * flag, siblings (children of the same parents), a new parent typed in place, or an existing parent
 * linked — a mother of two is one card.
 */
const relationOptions = RELATIONS.map((r) => ({ value: r, label: r }));

function NewParentModal({ pupil, open, onClose }: { pupil: PupilView; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [create, { isLoading }] = useCreateParentMutation();
  const [addLink] = useAddLinkMutation();
  const [error, setError] = useState<string | null>(null);
  const [dups, setDups] = useState<{ message: string; list: DuplicateCandidate[] } | null>(null);
  const navigate = useNavigate();
  const early = useEarlyDuplicates(
    'parent',
    {
      lastName: Form.useWatch('lastName', form) as string | undefined,
      firstName: Form.useWatch('firstName', form) as string | undefined,
      middleName: Form.useWatch('middleName', form) as string | undefined,
      birthDate: Form.useWatch('birthDate', form) as string | undefined,
      snils: Form.useWatch('snils', form) as string | undefined,
    },
    open && !dups,
  ).filter((c) => !pupil.parents.some((p) => p.parentId === c.id));

  const linkExisting = async (id: string) => {
    const v = form.getFieldsValue(true) as Record<string, unknown>;
    const r = await addLink({ pupilId: pupil.id, parentId: id, relation: v.relation as Relation, isLegalRepresentative: v.isLegalRepresentative !== false });
    if ('data' in r) {
      message.success('Существующая карточка привязана');
      form.resetFields();
      setDups(null);
      onClose();
    } else setError((errorText(r) ?? 'Не удалось выполнить операцию'));
  };

  const submit = async (allowDuplicate = false) => {
    const v = form.getFieldsValue(true) as Record<string, unknown>;
    setError(null);
    const r = await create({
      lastName: String(v.lastName ?? ''),
      firstName: String(v.firstName ?? ''),
      middleName: (v.middleName as string) || null,
      sex: v.sex as 'М' | 'Ж',
      birthDate: (v.birthDate as string) || null,
      snils: (v.snils as string) || null,
      phoneMobile: (v.phoneMobile as string) || null,
      children: [{ pupilId: pupil.id, relation: v.relation as Relation, isLegalRepresentative: v.isLegalRepresentative !== false }],
      allowDuplicate,
    });
    if ('data' in r) {
      message.success('Родитель добавлен');
      form.resetFields();
      setDups(null);
      onClose();
      return;
    }
    const err = errorOf(r);
    if (!err) return;
    if (err.code === 'CONFLICT' && Array.isArray(err.details?.duplicates)) setDups({ message: err.message, list: err.details.duplicates as DuplicateCandidate[] });
    else setError(err.message);
  };

  return (
    <Modal open={open} title="Новый родитель (законный представитель)" okText="Добавить" cancelText="Отмена" confirmLoading={isLoading} onOk={() => void submit()} onCancel={onClose} width={720} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="parent-error" />}
      {dups && (
        <DuplicateAlert
          message={dups.message}
          candidates={dups.list}
          onOpen={(id) => navigate(`/parents/${id}`)}
          onLink={(id) => void linkExisting(id)}
          onCreateAnyway={() => void submit(true)}
        />
      )}
      {early.length > 0 && (
        <DuplicateAlert
          testId="duplicate-early"
          message="Такой родитель уже есть в программе: привяжите его карточку к обучающемуся, а не создавайте вторую."
          candidates={early}
          onOpen={(id) => navigate(`/parents/${id}`)}
          onLink={(id) => void linkExisting(id)}
        />
      )}
      <Form form={form} name="newParent" layout="vertical" initialValues={{ relation: 'мать', sex: 'Ж', isLegalRepresentative: true, lastName: pupil.lastName }} aria-label="Новый родитель">
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="relation" label="Степень родства">
              <Select options={relationOptions} onChange={(r) => form.setFieldValue('sex', r === 'отец' ? 'М' : r === 'мать' ? 'Ж' : form.getFieldValue('sex'))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="sex" label="Пол">
              <Select options={[{ value: 'Ж', label: 'Ж' }, { value: 'М', label: 'М' }]} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="isLegalRepresentative" valuePropName="checked" label=" ">
              <Checkbox>Законный представитель</Checkbox>
            </Form.Item>
          </Col>
          <NameFields />
          <Col span={8}>
            <Form.Item name="birthDate" label="Дата рождения">
              <DateField />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="snils" label="СНИЛС">
              <Input placeholder="123-456-789 01" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="phoneMobile" label="Мобильный телефон">
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text type="secondary">Остальное (паспорт, адреса, работа) — в карточке родителя.</Typography.Text>
      </Form>
    </Modal>
  );
}

function LinkParentModal({ pupil, open, onClose }: { pupil: PupilView; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const search = useDebounced(text, 150);
  const { data, isFetching } = useParentsQuery({ search, limit: 30 }, { skip: search.trim().length < 2 });
  const [parentId, setParentId] = useState<string | null>(null);
  const [relation, setRelation] = useState<Relation>('мать');
  const [legal, setLegal] = useState(true);
  const [addLink, { isLoading }] = useAddLinkMutation();
  const [error, setError] = useState<string | null>(null);
  const linked = new Set(pupil.parents.map((p) => p.parentId));
  return (
    <Modal
      open={open}
      title="Привязать существующего родителя"
      okText="Привязать"
      cancelText="Отмена"
      okButtonProps={{ disabled: !parentId }}
      confirmLoading={isLoading}
      destroyOnHidden
      onCancel={onClose}
      onOk={async () => {
        if (!parentId) return;
        const r = await addLink({ pupilId: pupil.id, parentId, relation, isLegalRepresentative: legal });
        if ('data' in r) {
          message.success('Родитель привязан');
          onClose();
        } else setError((errorText(r) ?? 'Не удалось выполнить операцию'));
      }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Select
          showSearch
          style={{ width: '100%' }}
          placeholder="Начните вводить фамилию, имя или СНИЛС"
          filterOption={false}
          onSearch={setText}
          loading={isFetching}
          value={parentId}
          onChange={setParentId}
          aria-label="Родитель"
          notFoundContent={search.trim().length < 2 ? 'Введите хотя бы две буквы' : 'Никого не найдено'}
          options={(data ?? [])
            .filter((p) => !linked.has(p.id))
            .map((p) => ({
              value: p.id,
              label: `${p.lastName} ${p.firstName} ${p.middleName ?? ''}${p.birthDate ? `, ${formatDateRu(p.birthDate)}` : ''}${p.children.length ? ` — дети: ${p.children.map((c) => c.pupilName.split(' ').slice(0, 2).join(' ')).join(', ')}` : ''}`,
            }))}
        />
        <Space>
          <Select style={{ width: 220 }} value={relation} onChange={setRelation} options={relationOptions} aria-label="Степень родства" />
          <Checkbox checked={legal} onChange={(e) => setLegal(e.target.checked)}>
            Законный представитель
          </Checkbox>
        </Space>
      </Space>
    </Modal>
  );
}

export function FamilyTab({ pupil, canEdit }: { pupil: PupilView; canEdit: boolean }) {
  const [adding, setAdding] = useState(false);
  const [linking, setLinking] = useState(false);
  const [updateLink] = useUpdateLinkMutation();
  const [removeLink] = useRemoveLinkMutation();
  const { modal } = App.useApp();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      {canEdit && (
        <Space>
          <Button icon={<UserAddOutlined />} onClick={() => setAdding(true)}>
            Добавить родителя
          </Button>
          <Button icon={<LinkOutlined />} onClick={() => setLinking(true)}>
            Привязать существующего родителя
          </Button>
        </Space>
      )}
      <Table
        size="small"
        rowKey="parentId"
        pagination={false}
        dataSource={pupil.parents}
        locale={{ emptyText: 'Родители не указаны' }}
        aria-label="Родители"
        columns={[
          { title: 'ФИО', render: (_, p) => <Link to={`/parents/${p.parentId}`}>{`${p.lastName} ${p.firstName} ${p.middleName ?? ''}`}</Link> },
          {
            title: 'Степень родства',
            render: (_, p) => (
              <Select<Relation> size="small" disabled={!canEdit} value={p.relation as Relation} style={{ width: 210 }} options={relationOptions} onChange={(relation: Relation) => void updateLink({ pupilId: pupil.id, parentId: p.parentId, relation, isLegalRepresentative: p.isLegalRepresentative })} />
            ),
          },
          {
            title: 'Законный представитель',
            render: (_, p) => <Checkbox disabled={!canEdit} checked={p.isLegalRepresentative} onChange={(e) => void updateLink({ pupilId: pupil.id, parentId: p.parentId, relation: p.relation as Relation, isLegalRepresentative: e.target.checked })} />,
          },
          { title: 'Дата рождения', render: (_, p) => formatDateRu(p.birthDate) },
          { title: 'Телефон', dataIndex: 'phoneMobile' },
          {
            title: '',
            render: (_, p) =>
              canEdit && (
                <Button
                  size="small"
                  danger
                  type="text"
                  onClick={() =>
                    modal.confirm({
                      title: 'Убрать связь?',
                      content: `${p.lastName} ${p.firstName} перестанет быть связан(а) с обучающимся. Обе карточки останутся.`,
                      okText: 'Убрать',
                      cancelText: 'Отмена',
                      onOk: () => removeLink({ pupilId: pupil.id, parentId: p.parentId }),
                    })
                  }
                >
                  Убрать
                </Button>
              ),
          },
        ]}
      />
      <div>
        <Typography.Title level={5}>Братья и сёстры</Typography.Title>
        {pupil.siblings.length === 0 ? (
          <Typography.Text type="secondary">Нет других детей у этих родителей</Typography.Text>
        ) : (
          pupil.siblings.map((s) => (
            <div key={s.pupilId}>
              <Link to={`/pupils/${s.pupilId}`}>{s.name}</Link> {s.className && <Typography.Text type="secondary">{s.className}</Typography.Text>}
            </div>
          ))
        )}
      </div>
      <NewParentModal pupil={pupil} open={adding} onClose={() => setAdding(false)} />
      <LinkParentModal pupil={pupil} open={linking} onClose={() => setLinking(false)} />
    </Space>
  );
}
