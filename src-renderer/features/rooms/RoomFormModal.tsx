import { useEffect } from 'react';
import { Checkbox, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import type { Room, RoomType } from '../../../src-shared/contract/rooms';
import { recordKey, useDialogSave } from '../../components/saveFeedback';
import { useSaveRoomMutation } from './roomsApi';
import { FormModal } from '../../components/FormModal';
import { requiredRule } from '../../components/requiredRule';

interface Values {
  number: string;
  name: string | null;
  floor: number | null;
  capacity: number | null;
  typeId: string;
  note: string | null;
  isActive: boolean;
}

export function RoomFormModal({ room, types, onClose }: { room: Room | null; types: RoomType[]; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const [save, { isLoading }] = useSaveRoomMutation();
  const { error, finish } = useDialogSave(onClose);
  useEffect(() => {
    form.setFieldsValue(room ? { ...room } : { number: '', name: null, floor: null, capacity: null, typeId: 'room-type-regular', note: null, isActive: true });
  }, [room, form]);
  const submit = async () => {
    const v = form.getFieldsValue(true) as Values;
    const r = await save({ ...recordKey(room), room: { ...v, number: v.number ?? '', floor: v.floor ?? null, capacity: v.capacity ?? null } });
    finish(r, `Кабинет ${v.number} сохранён`);
  };
  return (
    <FormModal title={room ? `Кабинет ${room.number}` : 'Новый кабинет'} label="Кабинет" name="room" form={form} error={error} loading={isLoading} onSubmit={submit} onClose={onClose}>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="number" label="Номер" required rules={requiredRule('Номер')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name="name" label="Название">
            <Input placeholder="Кабинет математики" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={10}>
          <Form.Item name="typeId" label="Тип" required rules={requiredRule('Тип')}>
            <Select options={types.map((t) => ({ value: t.id, label: t.name }))} />
          </Form.Item>
        </Col>
        <Col span={7}>
          <Form.Item name="floor" label="Этаж">
            <InputNumber min={-2} max={30} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={7}>
          <Form.Item name="capacity" label="Мест">
            <InputNumber min={1} max={1000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label="Примечание">
        <Input />
      </Form.Item>
      <Form.Item name="isActive" valuePropName="checked">
        <Checkbox>Используется</Checkbox>
      </Form.Item>
    </FormModal>
  );
}
