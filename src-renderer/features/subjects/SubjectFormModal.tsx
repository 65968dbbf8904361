import { useEffect } from 'react';
import { Button, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import type { Subject, SubjectArea } from '../../../src-shared/contract/subjects';
import type { RoomType } from '../../../src-shared/contract/rooms';
import { GRADES, SANPIN_DIFFICULTY, sanpinGradePoints, sanpinRow } from '../../../src-shared/domain/schoolSetup/sanpinDifficulty';
import { recordKey, useDialogSave } from '../../components/saveFeedback';
import { useSaveSubjectMutation } from './subjectsApi';
import { FormModal } from '../../components/FormModal';
import { requiredRule } from '../../components/requiredRule';

interface Values {
  name: string;
  shortName: string;
  areaId: string | null;
  isSplit: boolean;
  sanpinKey: string | null;
  roomTypeIds: string[];
  isArchived: boolean;
  /** `g1` … `g11` */
  [grade: `g${number}`]: number | null;
}

/** A subject card: names, ФГОС area, subgroups, room needs and SanPiN points per grade. */
export function SubjectFormModal({ subject, areas, roomTypes, onClose }: { subject: Subject | null; areas: SubjectArea[]; roomTypes: RoomType[]; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const [save, { isLoading }] = useSaveSubjectMutation();
  const { error, finish } = useDialogSave(onClose);
  const sanpinKey = Form.useWatch('sanpinKey', form) as string | null | undefined;

  useEffect(() => {
    const points = Object.fromEntries(GRADES.map((g) => [`g${g}`, subject?.points.find((p) => p.grade === g)?.points ?? null]));
    form.setFieldsValue({
      name: subject?.name ?? '',
      shortName: subject?.shortName ?? '',
      areaId: subject?.areaId ?? null,
      isSplit: subject?.isSplit ?? false,
      sanpinKey: subject?.sanpinKey ?? null,
      roomTypeIds: subject?.roomTypeIds ?? [],
      isArchived: subject?.isArchived ?? false,
      ...points,
    });
  }, [subject, form]);

  const fromTable = () => {
    const byGrade = new Map(sanpinGradePoints(form.getFieldValue('sanpinKey')).map((p) => [p.grade, p.points]));
    form.setFieldsValue(Object.fromEntries(GRADES.map((g) => [`g${g}`, byGrade.get(g) ?? null])));
  };

  const submit = async () => {
    const v = form.getFieldsValue(true) as Values;
    const points = GRADES.flatMap((g) => {
      const p = v[`g${g}`];
      return p === null || p === undefined ? [] : [{ grade: g, points: p }];
    });
    const r = await save({
      ...recordKey(subject),
      subject: { name: v.name ?? '', shortName: v.shortName ?? '', areaId: v.areaId ?? null, isSplit: Boolean(v.isSplit), sanpinKey: v.sanpinKey ?? null, roomTypeIds: v.roomTypeIds ?? [], isArchived: Boolean(v.isArchived), points },
    });
    finish(r, `Предмет «${v.name}» сохранён`);
  };

  return (
    <FormModal width={720} title={subject ? subject.name : 'Новый предмет'} label="Предмет" name="subject" form={form} error={error} loading={isLoading} onSubmit={submit} onClose={onClose}>
      <Row gutter={12}>
        <Col span={16}>
          <Form.Item name="name" label="Название" required rules={requiredRule('Название')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="shortName" label="Сокращение" required rules={requiredRule('Сокращение')}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="areaId" label="Предметная область (ФГОС)">
        <Select allowClear options={areas.map((a) => ({ value: a.id, label: a.name }))} />
      </Form.Item>
      <Row gutter={12}>
        <Col span={14}>
          <Form.Item name="roomTypeIds" label="Нужен кабинет" extra="Пусто — обычный кабинет">
            <Select mode="multiple" allowClear options={roomTypes.map((t) => ({ value: t.id, label: t.name }))} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="isSplit" valuePropName="checked" label=" ">
            <Checkbox>Делится на подгруппы</Checkbox>
          </Form.Item>
        </Col>
      </Row>
      <Space align="end" style={{ marginBottom: 8 }}>
        <Form.Item name="sanpinKey" label="Строка шкалы трудности СанПиН" style={{ marginBottom: 0, minWidth: 320 }}>
          <Select allowClear showSearch optionFilterProp="label" options={SANPIN_DIFFICULTY.map((r) => ({ value: r.key, label: r.name }))} />
        </Form.Item>
        <Button onClick={fromTable} disabled={!sanpinKey}>
          Заполнить баллы по СанПиН
        </Button>
      </Space>
      {sanpinRow(sanpinKey)?.note && <Typography.Paragraph type="secondary">{sanpinRow(sanpinKey)?.note}</Typography.Paragraph>}
      <Typography.Text strong>Баллы трудности по классам</Typography.Text>
      <Row gutter={6} style={{ marginTop: 4 }}>
        {GRADES.map((g) => (
          <Col key={g} style={{ width: 58 }}>
            <Form.Item name={`g${g}`} label={`${g} кл.`} style={{ marginBottom: 4 }}>
              <InputNumber aria-label={`Баллы, ${g} класс`} min={0} max={20} style={{ width: 54 }} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Form.Item name="isArchived" valuePropName="checked">
        <Checkbox>В архиве (не предлагать в новых планах)</Checkbox>
      </Form.Item>
    </FormModal>
  );
}
