import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Col, Form, Input, Popconfirm, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, DeleteOutlined, FilePdfOutlined, FileWordOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { OrderDetail } from '../../../src-shared/contract/movementFields';
import { ORDER_STATUSES, ORDER_TYPES, ORDER_TYPE_INFO, type OrderType } from '../../../src-shared/domain/movement/orderTypes';
import { DateField } from '../../components/DateField';
import { formatDateRu, formatDateTimeRu, todayIso } from '../../components/format';
import { enterMovesToNextField } from '../../components/keyboard';
import { useUnsavedGuard } from '../../components/useUnsavedGuard';
import { useHasRight } from '../../components/useSession';
import { useSchoolCardQuery } from '../school/schoolApi';
import { ItemModal } from './ItemModal';
import { OrderItemsTable } from './OrderItemsTable';
import { STATUS_COLORS } from './OrdersTab';
import { CancelOrderModal, SignOrderModal } from './SignCancelModals';
import { useDeleteOrderMutation, useOrderDocumentMutation, useOrderQuery, useSaveNamesMutation, useSaveOrderMutation } from './movementApi';
import { itemsFromDetail, itemsToInput, type EditItem } from './orderModel';
import { errorText } from '../../components/serverErrors';
import { useDownload } from '../../components/downloadFile';
import { requiredRule } from '../../components/requiredRule';

interface Header {
  orderDate: string;
  title: string;
  basis: string | null;
  signatoryPosition: string | null;
  signatoryName: string | null;
}

/** One order: header, items with the ФИО forms to print, and draft → signed → cancelled actions. */
export function OrderEditorPage() {
  const { id = 'new' } = useParams();
  const [params] = useSearchParams();
  const isNew = id === 'new';
  // currentData, not data: going from an order to «new» (or to another order) must not show the previous one.
  const { currentData: loaded, refetch } = useOrderQuery({ id }, { skip: isNew });
  const typeParam = params.get('type') as OrderType | null;
  const type: OrderType = loaded?.type ?? (typeParam && ORDER_TYPES.includes(typeParam) ? typeParam : 'enroll');
  if (!isNew && !loaded) return <Skeleton active />;
  return <OrderEditor key={loaded ? `${loaded.id}:${loaded.version}` : 'new'} order={loaded ?? null} type={type} onReload={() => void refetch()} />;
}

function OrderEditor({ order, type, onReload }: { order: OrderDetail | null; type: OrderType; onReload: () => void }) {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Header>();
  const { data: school } = useSchoolCardQuery();
  const [items, setItems] = useState<EditItem[]>(() => (order ? itemsFromDetail(order) : []));
  const [dirty, setDirty] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<EditItem | 'new' | null>(null);
  const [signing, setSigning] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [goTo, setGoTo] = useState<string | null>(null);
  const [save, { isLoading: saving }] = useSaveOrderMutation();
  const [saveNames, { isLoading: savingNames }] = useSaveNamesMutation();
  const [remove] = useDeleteOrderMutation();
  const [document, { isLoading: printing }] = useOrderDocumentMutation();
  const download = useDownload();
  const canEdit = useHasRight('movement.edit');
  const canSign = useHasRight('movement.sign');
  const draft = !order || order.status === 'draft';
  const editable = draft && canEdit;
  const info = ORDER_TYPE_INFO[type];
  useUnsavedGuard(dirty);
  // Navigate only once `dirty` is false on screen; declared after the guard so its effect (which
  // registers the blocker with the new `dirty`) runs first.
  useEffect(() => {
    if (goTo && !dirty) navigate(goTo, { replace: true });
  }, [goTo, dirty, navigate]);

  const initial = useMemo<Header>(
    () =>
      order
        ? { orderDate: order.orderDate, title: order.title, basis: order.basis, signatoryPosition: order.signatoryPosition, signatoryName: order.signatoryName }
        : { orderDate: todayIso(), title: info.title, basis: info.effect === 'in' || type === 'withdraw' ? 'заявление родителей (законных представителей)' : null, signatoryPosition: 'Директор', signatoryName: null },
    [order, info, type],
  );
  useEffect(() => form.setFieldsValue(initial), [form, initial]);
  useEffect(() => {
    if (!order && school?.card?.directorName && !form.getFieldValue('signatoryName')) form.setFieldValue('signatoryName', school.card.directorName);
  }, [order, school, form]);

  const changeItems = (next: EditItem[]) => {
    setItems(next);
    setDirty(true);
  };

  const saveDraft = async (): Promise<OrderDetail | null> => {
    setError(null);
    const h = form.getFieldsValue(true) as Header;
    const r = await save({ id: order?.id ?? null, version: order?.version ?? 0, order: { type, ...h, items: itemsToInput(items) } });
    if (r.data) {
      setDirty(false);
      message.success('Черновик приказа сохранён');
      if (!order) setGoTo(`/movement/orders/${r.data.id}`);
      else onReload();
      return r.data;
    }
    setError(errorText(r));
    return null;
  };

  /** Signed orders: only the ФИО forms change (they shape the document, not the movement). */
  const saveNameForms = async (): Promise<boolean> => {
    if (!order) return false;
    const r = await saveNames({ id: order.id, version: order.version, names: items.map((i) => ({ itemId: i.id as string, nameGenitive: i.nameGenitive, nameDative: i.nameDative, nameAccusative: i.nameAccusative })) });
    if (r.data) {
      setDirty(false);
      message.success('Падежи ФИО сохранены');
      onReload();
      return true;
    }
    setError(errorText(r));
    return false;
  };

  const print = async (format: 'docx' | 'pdf') => {
    let id = order?.id;
    if (dirty) {
      if (draft) id = (await saveDraft())?.id;
      else if (!(await saveNameForms())) id = undefined;
    }
    if (id) await download(() => document({ id: id as string, format }));
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/movement')}>
          К приказам
        </Button>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {order?.numberText ? `Приказ № ${order.numberText} от ${formatDateRu(order.orderDate)}` : order ? 'Черновик приказа' : 'Новый приказ'}
        </Typography.Title>
        <Tag color="blue">{info.label}</Tag>
        {order && <Tag color={STATUS_COLORS[order.status]}>{ORDER_STATUSES[order.status]}</Tag>}
      </Space>
      {order?.status === 'signed' && order.source === 'office' && (
        <Alert type="success" showIcon message={`Подписан ${order.signedAt ? formatDateTimeRu(order.signedAt) : ''}${order.signedBy ? `, провёл(а): ${order.signedBy}` : ''}. Пункты применены к составу классов.`} />
      )}
      {order?.status === 'signed' && order.source === 'portal' && (
        <Alert
          type="info"
          showIcon
          data-testid="order-from-portal"
          message={`Приказ перенесён из книги движения портала «Сетевой город»${order.signedAt ? ` ${formatDateTimeRu(order.signedAt)}` : ''}${order.signedBy ? ` (${order.signedBy})` : ''} как история: состав классов в программе взят из списка учащихся портала, этот приказ его не менял, поэтому отменить его здесь нельзя.`}
        />
      )}
      {order?.status === 'cancelled' && (
        <Alert type="warning" showIcon message={`Отменён ${order.cancelledAt ? formatDateTimeRu(order.cancelledAt) : ''}${order.cancelledBy ? ` (${order.cancelledBy})` : ''}: ${order.cancelReason ?? ''}. Всё, что приказ изменил, возвращено.`} />
      )}
      {error && <Alert type="error" showIcon message={error} data-testid="order-error" closable onClose={() => setError(null)} />}
      <Form form={form} layout="vertical" disabled={!editable} onValuesChange={() => setDirty(true)} onKeyDown={enterMovesToNextField} aria-label="Приказ">
        <Row gutter={16}>
          <Col xs={24} md={5}>
            <Form.Item name="orderDate" label="Дата приказа" required>
              <DateField id="orderDate" />
            </Form.Item>
          </Col>
          <Col xs={24} md={19}>
            <Form.Item name="title" label="Заголовок" required rules={requiredRule('Заголовок')}>
              <Input id="title" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item name="basis" label="Основание">
              <Input id="basis" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="signatoryPosition" label="Должность подписывающего">
              <Input id="signatoryPosition" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="signatoryName" label="Подписывающий">
              <Input id="signatoryName" placeholder="Фамилия Имя Отчество" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <Space wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          Пункты приказа
        </Typography.Title>
        {editable && (
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            Добавить обучающегося
          </Button>
        )}
      </Space>
      <Typography.Text type="secondary">ФИО в нужных падежах подставлены автоматически по полу из карточки; проверьте и при необходимости исправьте их до печати — в документ попадёт то, что в полях.</Typography.Text>
      <OrderItemsTable
        type={type}
        items={items}
        editable={editable}
        namesEditable={canEdit && order?.status !== 'cancelled'}
        onChange={changeItems}
        onEdit={(item) => setEditing(item)}
      />
      <Space wrap>
        {editable && (
          <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => void saveDraft()}>
            Сохранить черновик
          </Button>
        )}
        {!draft && canEdit && order?.status === 'signed' && dirty && (
          <Button type="primary" icon={<SaveOutlined />} loading={savingNames} onClick={() => void saveNameForms()}>
            Сохранить падежи
          </Button>
        )}
        {order && draft && canSign && (
          <Button type="primary" danger={false} style={{ background: '#389e0d' }} disabled={dirty || items.length === 0} onClick={() => setSigning(true)} title={dirty ? 'Сначала сохраните черновик' : undefined}>
            Подписать и провести
          </Button>
        )}
        {order?.status === 'signed' && order.source === 'office' && canSign && (
          <Button danger onClick={() => setCancelling(true)}>
            Отменить приказ
          </Button>
        )}
        {(order || items.length > 0) && (
          <>
            <Button icon={<FileWordOutlined />} loading={printing} onClick={() => void print('docx')}>
              Скачать Word
            </Button>
            <Button icon={<FilePdfOutlined />} loading={printing} onClick={() => void print('pdf')}>
              Скачать PDF
            </Button>
          </>
        )}
        {order && draft && canEdit && (
          <Popconfirm
            title="Удалить черновик приказа?"
            description="Карточки, созданные этим черновиком и больше нигде не использованные, тоже будут удалены."
            okText="Удалить"
            cancelText="Отмена"
            onConfirm={async () => {
              const r = await remove({ id: order.id, version: order.version });
              if (r.data) {
                setDirty(false);
                message.success('Черновик удалён');
                setGoTo('/movement');
              } else setError(errorText(r));
            }}
          >
            <Button danger icon={<DeleteOutlined />}>
              Удалить черновик
            </Button>
          </Popconfirm>
        )}
      </Space>
      {editing && (
        <ItemModal
          type={type}
          orderDate={(form.getFieldValue('orderDate') as string) || todayIso()}
          item={editing === 'new' ? null : editing}
          others={items.filter((i) => editing === 'new' || i.key !== editing.key)}
          onClose={() => setEditing(null)}
          onSave={(item) => {
            changeItems(editing === 'new' ? [...items, item] : items.map((i) => (i.key === item.key ? item : i)));
            setEditing(null);
          }}
        />
      )}
      {signing && order && <SignOrderModal order={order} onClose={() => setSigning(false)} onDone={onReload} />}
      {cancelling && order && <CancelOrderModal order={order} onClose={() => setCancelling(false)} onDone={onReload} />}
    </Space>
  );
}
