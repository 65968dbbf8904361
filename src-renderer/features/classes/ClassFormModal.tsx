import { useEffect, useMemo } from 'react';
import { AutoComplete, Col, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import type { SchoolClass } from '../../../src-shared/contract/classes';
import type { AcademicYear } from '../../../src-shared/contract/years';
import { AOOP_VARIANTS } from '../../../src-shared/domain/schoolSetup/classRules';
import { useRoomsQuery } from '../rooms/roomsApi';
import { recordKey, useDialogSave } from '../../components/saveFeedback';
import { useClassesQuery, useSaveClassMutation, useSetupStaffOptionsQuery } from './classesApi';
import { FormModal } from '../../components/FormModal';
import { requiredRule } from '../../components/requiredRule';

interface Values {
  grade: number;
  letter: string;
  classTeacherId: string | null;
  shift: 1 | 2;
  homeRoomId: string | null;
  programme: 'ООП' | 'АООП';
  programmeVariant: string | null;
  weekLength: 5 | 6 | 0;
  previousClassId: string | null;
}

/** A class of the year: grade, letter, class teacher, shift, home room, programme, last year's class. */
export function ClassFormModal({ year, years, cls, onClose }: { year: AcademicYear; years: AcademicYear[]; cls: SchoolClass | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const [save, { isLoading }] = useSaveClassMutation();
  const { data: staff } = useSetupStaffOptionsQuery();
  const { data: rooms } = useRoomsQuery();
  // Last year's classes: the nearest earlier year.
  const previousYear = useMemo(() => years.filter((y) => y.endDate < year.startDate).sort((a, b) => (a.startDate < b.startDate ? 1 : -1))[0], [years, year]);
  const { data: lastYear } = useClassesQuery({ yearId: previousYear?.id ?? '' }, { skip: !previousYear });
  const { error, finish } = useDialogSave(onClose);
  const programme = Form.useWatch('programme', form);

  useEffect(() => {
    form.setFieldsValue(
      cls
        ? { ...cls, shift: cls.shift as 1 | 2, weekLength: cls.weekLength ?? 0 }
        : { grade: 1, letter: '', classTeacherId: null, shift: 1, homeRoomId: null, programme: 'ООП', programmeVariant: null, weekLength: 0, previousClassId: null },
    );
  }, [cls, form]);

  const submit = async () => {
    const v = form.getFieldsValue(true) as Values;
    const r = await save({
      yearId: year.id,
      ...recordKey(cls),
      cls: { ...v, letter: v.letter ?? '', weekLength: v.weekLength ? v.weekLength : null, programmeVariant: v.programme === 'АООП' ? v.programmeVariant : null },
    });
    finish(r, `Класс ${v.grade}${(v.letter ?? '').toUpperCase()} сохранён`);
  };

  return (
    <FormModal title={cls ? `Класс ${cls.name}` : 'Новый класс'} label="Класс" name="cls" form={form} error={error} loading={isLoading} onSubmit={submit} onClose={onClose}>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="grade" label="Параллель" required rules={requiredRule('Параллель')}>
            <InputNumber min={1} max={11} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="letter" label="Литера" required rules={requiredRule('Литера')}>
            <Input placeholder="А" maxLength={3} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="shift" label="Смена">
            <Radio.Group options={[{ value: 1, label: '1' }, { value: 2, label: '2' }]} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="classTeacherId" label="Классный руководитель">
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="Выберите сотрудника"
          options={(staff?.staff ?? []).map((s) => ({ value: s.id, label: s.position ? `${s.fullName} — ${s.position}` : s.fullName }))}
        />
      </Form.Item>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="homeRoomId" label="Кабинет класса">
            <Select allowClear showSearch optionFilterProp="label" options={(rooms?.rooms ?? []).map((r) => ({ value: r.id, label: r.name ? `${r.number} — ${r.name}` : r.number }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="weekLength" label="Учебная неделя">
            <Select options={[{ value: 0, label: 'как у параллели' }, { value: 5, label: '5 дней' }, { value: 6, label: '6 дней' }]} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={10}>
          <Form.Item name="programme" label="Программа">
            <Radio.Group options={[{ value: 'ООП', label: 'ООП' }, { value: 'АООП', label: 'АООП (ОВЗ)' }]} />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item name="programmeVariant" label="Вариант АООП">
            <AutoComplete disabled={programme !== 'АООП'} options={AOOP_VARIANTS.map((v) => ({ value: v }))} filterOption={(input, o) => String(o?.value ?? '').toLowerCase().includes(input.toLowerCase())}>
              <Input placeholder="вариант 7.2 (ЗПР)" />
            </AutoComplete>
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="previousClassId" label={previousYear ? `Класс прошлого года (${previousYear.name})` : 'Класс прошлого года'}>
        <Select allowClear disabled={!previousYear} options={(lastYear?.classes ?? []).map((c) => ({ value: c.id, label: c.name }))} />
      </Form.Item>
    </FormModal>
  );
}
