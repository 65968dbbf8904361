import { useEffect, useMemo, useState } from 'react';
import { Alert, Col, Divider, Form, Input, Modal, Radio, Row, Select, Typography } from 'antd';
import type { PupilPick } from '../../../src-shared/contract/movementFields';
import { NAME_CASE_LABELS, declineAll } from '../../../src-shared/domain/movement/declension';
import { DESTINATION_KINDS, DESTINATION_KIND_KEYS, ENROLL_KINDS, ENROLL_KIND_KEYS, ORDER_TYPE_INFO, type OrderType } from '../../../src-shared/domain/movement/orderTypes';
import { DateField } from '../../components/DateField';
import { formatDateRu } from '../../components/format';
import { enterMovesToNextField } from '../../components/keyboard';
import { useHasRight } from '../../components/useSession';
import { useClassesOnQuery, useSearchPupilsQuery } from './movementApi';
import { newKey, type EditItem } from './orderModel';
import { SubgroupPicker } from './SubgroupPicker';
import { NameFields } from '../../components/NameFields';

interface Values {
  mode: 'existing' | 'new';
  lastName: string;
  firstName: string;
  middleName: string;
  sex: 'М' | 'Ж';
  birthDate: string | null;
  effectiveDate: string | null;
  pickClassId: string | null;
  toClassId: string | null;
  enrollKind: EditItem['enrollKind'];
  originSchool: string | null;
  originDocument: string | null;
  destinationKind: EditItem['destinationKind'];
  destinationSchool: string | null;
  reason: string | null;
  note: string | null;
  nameAccusative: string;
  nameGenitive: string;
  nameDative: string;
}

/** One item: the pupil (found, or a new card for an enrolment), dates, classes, subgroups, ФИО forms. */
export function ItemModal({ type, orderDate, item, others, onClose, onSave }: { type: OrderType; orderDate: string; item: EditItem | null; others: EditItem[]; onClose: () => void; onSave: (item: EditItem) => void }) {
  const info = ORDER_TYPE_INFO[type];
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<PupilPick | null>(
    item && !item.newPupil && item.pupilId ? { id: item.pupilId, fullName: item.pupilName, sex: item.sex, birthDate: item.birthDate, classId: item.fromClassId, className: item.fromClassName } : null,
  );
  const [subgroupIds, setSubgroupIds] = useState<string[]>(item?.subgroupIds ?? []);
  const [namesTouched, setNamesTouched] = useState(false);
  const canSeeSubgroups = useHasRight('pupils.read');
  const mode = Form.useWatch('mode', form) ?? (item?.newPupil ? 'new' : 'existing');
  const effectiveDate = Form.useWatch('effectiveDate', form) ?? item?.effectiveDate ?? orderDate;
  const pickClassId = Form.useWatch('pickClassId', form) ?? null;
  const toClassId = Form.useWatch('toClassId', form) ?? null;
  const watched = Form.useWatch([], form) as Values | undefined;
  const { data: classes } = useClassesOnQuery({ date: effectiveDate }, { skip: !effectiveDate });
  const { data: currentClasses } = useClassesOnQuery({ date: orderDate }, { skip: info.effect === 'in' });
  const { data: found, isFetching } = useSearchPupilsQuery(
    { query, date: effectiveDate, classId: pickClassId },
    { skip: mode !== 'existing' || (query.trim().length < 2 && !pickClassId) },
  );

  useEffect(() => {
    form.setFieldsValue({
      mode: item?.newPupil ? 'new' : 'existing',
      lastName: item?.newPupil?.lastName ?? '',
      firstName: item?.newPupil?.firstName ?? '',
      middleName: item?.newPupil?.middleName ?? '',
      sex: item?.newPupil?.sex ?? 'М',
      birthDate: item?.newPupil?.birthDate ?? null,
      effectiveDate: item?.effectiveDate ?? orderDate,
      pickClassId: null,
      toClassId: item?.toClassId ?? null,
      enrollKind: item?.enrollKind ?? (type === 'enroll' ? 'first' : null),
      originSchool: item?.originSchool ?? null,
      originDocument: item?.originDocument ?? null,
      destinationKind: item?.destinationKind ?? (type === 'withdraw' ? 'sameRegion' : null),
      destinationSchool: item?.destinationSchool ?? null,
      reason: item?.reason ?? null,
      note: item?.note ?? null,
      nameAccusative: item?.nameAccusative ?? '',
      nameGenitive: item?.nameGenitive ?? '',
      nameDative: item?.nameDative ?? '',
    });
    setNamesTouched(Boolean(item));
  }, [form, item, orderDate, type]);

  // The ФИО forms follow the chosen pupil until the user corrects one of them by hand.
  const person = useMemo(() => {
    if (mode === 'new') {
      const v = watched;
      return v?.lastName?.trim() && v.firstName?.trim() ? { lastName: v.lastName.trim(), firstName: v.firstName.trim(), middleName: v.middleName?.trim() || null, sex: v.sex ?? 'М' } : null;
    }
    if (!picked) return null;
    const [lastName, firstName, ...rest] = picked.fullName.split(' ');
    return { lastName, firstName: firstName ?? '', middleName: rest.join(' ') || null, sex: picked.sex };
  }, [mode, picked, watched]);
  useEffect(() => {
    if (!person || namesTouched) return;
    const d = declineAll(person);
    form.setFieldsValue({ nameAccusative: d.accusative, nameGenitive: d.genitive, nameDative: d.dative });
  }, [person, namesTouched, form]);

  const submit = () => {
    const v = form.getFieldsValue(true) as Values;
    if (!v.effectiveDate) return setError('Укажите дату, с которой действует пункт');
    let pupil: Pick<EditItem, 'pupilId' | 'newPupil' | 'pupilName' | 'sex' | 'birthDate'>;
    if (v.mode === 'new') {
      if (!v.lastName?.trim() || !v.firstName?.trim() || !v.birthDate) return setError('Для новой карточки нужны фамилия, имя и дата рождения');
      const np = { lastName: v.lastName.trim(), firstName: v.firstName.trim(), middleName: v.middleName?.trim() || null, sex: v.sex, birthDate: v.birthDate };
      pupil = { pupilId: null, newPupil: np, pupilName: [np.lastName, np.firstName, np.middleName].filter(Boolean).join(' '), sex: np.sex, birthDate: np.birthDate };
    } else {
      if (!picked) return setError('Выберите обучающегося');
      if (others.some((o) => o.pupilId === picked.id)) return setError(`${picked.fullName} уже есть в этом приказе`);
      pupil = { pupilId: picked.id, newPupil: null, pupilName: picked.fullName, sex: picked.sex, birthDate: picked.birthDate };
    }
    if (info.effect !== 'out' && !v.toClassId) return setError('Выберите класс');
    const to = classes?.find((c) => c.id === v.toClassId);
    if (!v.nameAccusative?.trim() || !v.nameGenitive?.trim() || !v.nameDative?.trim()) return setError('Заполните ФИО во всех падежах');
    onSave({
      key: item?.key ?? newKey(),
      id: item?.id ?? null,
      ...pupil,
      fromClassId: info.effect === 'in' ? null : (picked?.classId ?? item?.fromClassId ?? null),
      fromClassName: info.effect === 'in' ? null : (picked?.className ?? item?.fromClassName ?? null),
      toClassId: info.effect === 'out' ? null : v.toClassId,
      toClassName: info.effect === 'out' ? null : (to?.name ?? item?.toClassName ?? null),
      effectiveDate: v.effectiveDate,
      enrollKind: type === 'enroll' ? v.enrollKind : null,
      originSchool: v.originSchool || null,
      originDocument: v.originDocument || null,
      destinationKind: type === 'withdraw' ? v.destinationKind : null,
      destinationSchool: v.destinationSchool || null,
      reason: v.reason || null,
      note: v.note || null,
      subgroupIds: info.effect === 'out' ? [] : subgroupIds,
      nameAccusative: v.nameAccusative.trim(),
      nameGenitive: v.nameGenitive.trim(),
      nameDative: v.nameDative.trim(),
    });
  };

  return (
    <Modal open width={760} title={item ? `Пункт: ${item.pupilName}` : `Новый пункт: ${info.label.toLowerCase()}`} okText="Готово" cancelText="Отмена" onOk={submit} onCancel={onClose}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="item-error" />}
      <Form form={form} name="orderItem" layout="vertical" onKeyDown={enterMovesToNextField} aria-label="Пункт приказа">
        {type === 'enroll' && (
          <Form.Item name="mode" label="Обучающийся">
            <Radio.Group
              optionType="button"
              options={[
                { value: 'new', label: 'Новая карточка' },
                { value: 'existing', label: 'Есть в базе' },
              ]}
              onChange={() => {
                setPicked(null);
                setNamesTouched(false);
              }}
            />
          </Form.Item>
        )}
        {mode === 'new' ? (
          <Row gutter={12}>
            <NameFields />
            <Col span={8}>
              <Form.Item name="sex" label="Пол" required>
                <Radio.Group options={[{ value: 'М', label: 'М' }, { value: 'Ж', label: 'Ж' }]} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item name="birthDate" label="Дата рождения" required>
                <DateField />
              </Form.Item>
            </Col>
          </Row>
        ) : (
          <Row gutter={12}>
            {info.effect !== 'in' && (
              <Col span={8}>
                <Form.Item name="pickClassId" label="Из класса">
                  <Select allowClear showSearch optionFilterProp="label" aria-label="Из класса" placeholder="любой" options={(currentClasses ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.pupilCount})` }))} />
                </Form.Item>
              </Col>
            )}
            <Col span={info.effect !== 'in' ? 16 : 24}>
              <Form.Item label="Обучающийся" required>
                <Select
                  showSearch
                  aria-label="Обучающийся"
                  placeholder="начните вводить фамилию"
                  filterOption={false}
                  loading={isFetching}
                  value={picked?.id}
                  onSearch={setQuery}
                  notFoundContent={query.length < 2 && !pickClassId ? 'Введите хотя бы две буквы фамилии' : 'Никого не найдено'}
                  onChange={(id: string) => {
                    setPicked((found ?? []).find((p) => p.id === id) ?? null);
                    setNamesTouched(false);
                  }}
                  options={(found ?? (picked ? [picked] : [])).map((p) => ({
                    value: p.id,
                    label: `${p.fullName}${p.birthDate ? `, ${formatDateRu(p.birthDate)}` : ''} — ${p.className ?? 'не в классе'}`,
                  }))}
                />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="effectiveDate" label={info.effect === 'out' ? 'Выбывает с' : 'С даты'} required>
              <DateField />
            </Form.Item>
          </Col>
          {info.effect !== 'in' && (
            <Col span={8}>
              <Form.Item label="Сейчас в классе">
                <Typography.Text>{picked?.className ?? '—'}</Typography.Text>
              </Form.Item>
            </Col>
          )}
          {info.effect !== 'out' && (
            <Col span={8}>
              <Form.Item name="toClassId" label={info.effect === 'in' ? 'В класс' : 'В класс'} required>
                <Select
                  aria-label="В класс"
                  showSearch
                  optionFilterProp="label"
                  placeholder={classes?.length ? 'выберите класс' : 'нет классов на эту дату'}
                  options={(classes ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.yearName}, ${c.pupilCount} уч.)` }))}
                  onChange={() => setSubgroupIds([])}
                />
              </Form.Item>
            </Col>
          )}
        </Row>
        {type === 'enroll' && (
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item name="enrollKind" label="Откуда прибыл">
                <Select aria-label="Откуда прибыл" options={ENROLL_KIND_KEYS.map((k) => ({ value: k, label: ENROLL_KINDS[k] }))} />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item name="originSchool" label="Образовательная организация">
                <Input />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="originDocument" label="Документ">
                <Input placeholder="личное дело, справка" />
              </Form.Item>
            </Col>
          </Row>
        )}
        {type === 'withdraw' && (
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item name="destinationKind" label="Куда выбыл">
                <Select aria-label="Куда выбыл" options={DESTINATION_KIND_KEYS.map((k) => ({ value: k, label: DESTINATION_KINDS[k] }))} />
              </Form.Item>
            </Col>
            <Col span={16}>
              <Form.Item name="destinationSchool" label="Образовательная организация">
                <Input />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="reason" label={type === 'conditionalPromote' ? 'Академическая задолженность' : 'Причина'}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="note" label="Примечание (в текст приказа)">
              <Input />
            </Form.Item>
          </Col>
        </Row>
        {canSeeSubgroups && info.effect !== 'out' && toClassId && <SubgroupPicker classId={toClassId} date={effectiveDate} value={subgroupIds} onChange={setSubgroupIds} />}
        <Divider titlePlacement="start" plain>
          ФИО в тексте приказа
        </Divider>
        <Row gutter={12}>
          {(
            [
              ['nameAccusative', NAME_CASE_LABELS.accusative],
              ['nameGenitive', NAME_CASE_LABELS.genitive],
              ['nameDative', NAME_CASE_LABELS.dative],
            ] as const
          ).map(([name, label]) => (
            <Col span={8} key={name}>
              <Form.Item name={name} label={label}>
                <Input onChange={() => setNamesTouched(true)} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form>
    </Modal>
  );
}
