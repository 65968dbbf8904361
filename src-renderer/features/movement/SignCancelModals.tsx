import { useState } from 'react';
import { Alert, App, Input, Modal, Typography } from 'antd';
import type { OrderDetail } from '../../../src-shared/contract/movementFields';
import { ORDER_TYPE_INFO } from '../../../src-shared/domain/movement/orderTypes';
import { useNumberingQuery, useCancelOrderMutation, useSignOrderMutation } from './movementApi';
import { errorText } from '../../components/serverErrors';

/** Signing applies every item to the class rosters at once; the number is the next one unless typed. */
export function SignOrderModal({ order, onClose, onDone }: { order: OrderDetail; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const [sign, { isLoading }] = useSignOrderMutation();
  const { data: numbering } = useNumberingQuery();
  const [numberText, setNumberText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const next = numbering?.series.find((s) => s.type === order.type)?.nextNumberText;
  return (
    <Modal
      open
      title="Подписать и провести приказ"
      okText="Подписать"
      cancelText="Отмена"
      confirmLoading={isLoading}
      onCancel={onClose}
      onOk={async () => {
        const r = await sign({ id: order.id, version: order.version, numberText: numberText.trim() || null });
        if (r.data) {
          message.success(`Приказ № ${r.data.numberText} подписан и проведён`);
          onClose();
          onDone();
        } else setError(errorText(r));
      }}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="sign-error" />}
      <Typography.Paragraph>
        «{ORDER_TYPE_INFO[order.type].label}», пунктов: {order.items.length}. После подписания обучающиеся будут включены в классы и исключены из них с дат, указанных в пунктах.
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">Номер присвоится автоматически{next ? ` (следующий — ${next})` : ''}. Если приказ уже подписан на бумаге с другим номером, введите его:</Typography.Paragraph>
      <Input aria-label="Номер приказа" placeholder={next ?? 'номер'} value={numberText} onChange={(e) => setNumberText(e.target.value)} maxLength={30} />
    </Modal>
  );
}

/** Cancelling reverts exactly what signing applied; a reason is required and kept. */
export function CancelOrderModal({ order, onClose, onDone }: { order: OrderDetail; onClose: () => void; onDone: () => void }) {
  const { message } = App.useApp();
  const [cancel, { isLoading }] = useCancelOrderMutation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal
      open
      title={`Отменить приказ № ${order.numberText}`}
      okText="Отменить приказ"
      okButtonProps={{ danger: true, disabled: !reason.trim() }}
      cancelText="Не отменять"
      confirmLoading={isLoading}
      onCancel={onClose}
      onOk={async () => {
        const r = await cancel({ id: order.id, version: order.version, reason: reason.trim() });
        if (r.data) {
          message.success(`Приказ № ${order.numberText} отменён, изменения состава классов возвращены`);
          onClose();
          onDone();
        } else setError(errorText(r));
      }}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="cancel-error" />}
      <Typography.Paragraph>Всё, что приказ изменил в составе классов и подгрупп, будет возвращено; номера алфавитной книги, выданные им, будут аннулированы (повторно не выдаются). Приказ останется в книге с отметкой «отменён».</Typography.Paragraph>
      <Input.TextArea aria-label="Причина отмены" placeholder="Причина отмены" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
    </Modal>
  );
}
