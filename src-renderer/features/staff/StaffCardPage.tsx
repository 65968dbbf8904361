import { Button, Card, Col, Form, Row, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { STAFF_EMPTY, STAFF_LABELS, STAFF_SCHEMAS } from '../../../src-shared/contract/staff';
import type { StaffView } from '../../../src-shared/contract/peopleViews';
import { CITIZENSHIPS, EMPLOYEE_CATEGORIES, FAMILY_STATUSES, QUALIFICATION_CATEGORIES } from '../../../src-shared/domain/peopleDictionaries';
import { todayLocal } from '../../../src-shared/domain/personRules';
import { DateField } from '../../components/DateField';
import { formatDateRu } from '../../components/format';
import { useHasRight } from '../access/useSession';
import { AccountBadge } from '../people/AccountBadge';
import { AddressesEditor } from '../people/AddressesEditor';
import { DocumentsEditor } from '../people/DocumentsEditor';
import { fieldKit } from '../people/fields';
import { HistoryTab } from '../people/HistoryTab';
import { PersonCardFrame, type CardTab } from '../people/PersonCardFrame';
import { MergeModal } from '../people/MergeModal';
import { PrintButtons } from '../reports/PrintFormPage';
import { useCreateStaffMutation, useStaffHistoryQuery, useStaffQuery, useUpdateStaffMutation } from '../people/peopleApi';
import { EducationsEditor, PositionsEditor } from './PositionsEditor';
import { FamilyMembersEditor } from './FamilyMembersEditor';
import { TrainingsEditor } from './TrainingsEditor';

/** «Личная карточка работника» kept by HR: tabs Основное, Документы, Адреса, Семья и дети, Работа, Образование, История. */
const FIELD_KEYS = [...Object.keys(STAFF_SCHEMAS.full.shape)];
const f = fieldKit(STAFF_LABELS);
const EMPTY = { ...STAFF_EMPTY, lastName: '', firstName: '', sex: undefined, documents: [], addresses: [], positions: [], educations: [], familyMembers: [], trainings: [], photo: null };

function onLeave(v: StaffView): boolean {
  const today = todayLocal();
  return Boolean(v.maternityLeaveFrom && v.maternityLeaveFrom <= today && (!v.maternityLeaveTo || v.maternityLeaveTo >= today) && !(v.dismissalDate && v.dismissalDate <= today));
}

export function StaffCardPage() {
  const { id = 'new' } = useParams();
  const isNew = id === 'new';
  const navigate = useNavigate();
  const canEdit = useHasRight('staff.edit');
  const canMerge = useHasRight('people.merge') && canEdit;
  const [merging, setMerging] = useState(false);
  const { data: view, refetch } = useStaffQuery(id, { skip: isNew });
  const { data: history, isFetching } = useStaffHistoryQuery(id, { skip: isNew });
  const [create] = useCreateStaffMutation();
  const [update] = useUpdateStaffMutation();
  if (!isNew && !view) return <Card loading />;

  const tabs: CardTab[] = [
    {
      key: 'main',
      label: 'Основное',
      fields: ['lastName', 'firstName', 'middleName', 'sex', 'birthDate', 'citizenship', 'snils', 'inn', 'phoneMobile', 'phoneHome', 'email', 'hasPcAtHome', 'note'],
      content: (
        <Row gutter={12}>
          {f.text('lastName', { required: true })}
          {f.text('firstName', { required: true })}
          {f.text('middleName')}
          <Col xs={12} md={4}>
            <Form.Item name="sex" label={STAFF_LABELS.sex} required>
              <Select options={[{ value: 'Ж', label: 'Ж' }, { value: 'М', label: 'М' }]} />
            </Form.Item>
          </Col>
          {f.date('birthDate', { span: 5 })}
          {f.select('citizenship', CITIZENSHIPS, { free: true, span: 7 })}
          {f.text('snils', { span: 8, placeholder: '123-456-789 01' })}
          {f.text('inn', { span: 8, placeholder: '12 цифр' })}
          {f.text('phoneMobile')}
          {f.text('phoneHome')}
          {f.text('email')}
          {f.flag('hasPcAtHome')}
          {f.text('note', { span: 24, area: true })}
        </Row>
      ),
    },
    { key: 'documents', label: 'Документы', fields: ['documents'], content: <DocumentsEditor defaultType="passport" types={['passport', 'foreignPassport', 'other']} /> },
    { key: 'addresses', label: 'Адреса', fields: ['addresses'], content: <AddressesEditor /> },
    {
      key: 'family',
      label: 'Семья и дети',
      fields: ['familyStatus', 'familyMembers', 'maternityLeaveFrom', 'maternityLeaveTo'],
      content: (
        <>
          <Row gutter={12}>
            {f.select('familyStatus', FAMILY_STATUSES, { free: true })}
            {f.date('maternityLeaveFrom', { span: 8 })}
            {f.date('maternityLeaveTo', { span: 8 })}
          </Row>
          <Typography.Title level={5}>Состав семьи</Typography.Title>
          <FamilyMembersEditor />
        </>
      ),
    },
    {
      key: 'work',
      label: 'Работа',
      fields: ['personnelNumber', 'hireDate', 'hireOrderNumber', 'hireOrder', 'totalExperienceStart', 'pedExperienceStart', 'department', 'employeeCategory', 'payGrade', 'qualificationCategory', 'categoryDate', 'nextAttestationDate', 'academicDegree', 'awards', 'retirementDate', 'dismissalDate', 'dismissalOrderNumber', 'positions'],
      content: (
        <>
          <Row gutter={12}>
            {f.text('personnelNumber', { span: 4 })}
            {f.date('hireDate', { span: 5 })}
            {f.text('hireOrderNumber', { span: 5 })}
            {isNew && (
              <Col xs={24} md={5}>
                <Form.Item name={['hireOrder', 'orderDate']} label="Дата приказа о приёме" tooltip="С неё идёт срок выдачи учётной записи портала: 3 рабочих дня">
                  <DateField />
                </Form.Item>
              </Col>
            )}
            {f.text('department', { span: isNew ? 5 : 10 })}
            {f.date('totalExperienceStart')}
            {f.date('pedExperienceStart')}
            {f.select('employeeCategory', EMPLOYEE_CATEGORIES, { span: 6 })}
            {f.text('payGrade', { span: 6 })}
            {f.select('qualificationCategory', QUALIFICATION_CATEGORIES, { span: 8 })}
            {f.date('categoryDate', { span: 8 })}
            {f.date('nextAttestationDate', { span: 8 })}
            {f.text('academicDegree', { span: 24 })}
            {f.text('awards', { span: 24, area: true })}
            {f.date('retirementDate', { span: 8 })}
            {f.date('dismissalDate', { span: 8 })}
            {f.text('dismissalOrderNumber', { span: 8 })}
          </Row>
          <Typography.Title level={5}>Должности</Typography.Title>
          <Typography.Paragraph type="secondary">Новая основная должность — новая строка с датой начала, прежней ставится дата окончания. При увольнении все действующие должности закрываются датой увольнения.</Typography.Paragraph>
          <PositionsEditor />
        </>
      ),
    },
    { key: 'education', label: 'Образование', fields: ['educations'], content: <EducationsEditor /> },
    { key: 'trainings', label: 'Курсы', fields: ['trainings'], content: <TrainingsEditor /> },
  ];
  if (!isNew) tabs.push({ key: 'history', label: 'История изменений', fields: [], content: <HistoryTab entity="staff" rows={history} loading={isFetching} currentId={id} /> });

  return (
    <>
    <PersonCardFrame<StaffView>
      kind="staff"
      record="Карточка сотрудника"
      labels={STAFF_LABELS}
      fieldKeys={FIELD_KEYS}
      createOnlyKeys={['hireOrder']}
      patchSchema={STAFF_SCHEMAS.patch}
      view={view}
      empty={EMPTY}
      title={view ? `${view.lastName} ${view.firstName} ${view.middleName ?? ''}` : 'Новый сотрудник'}
      subtitle={
        view && (
          <Space wrap style={{ marginTop: 4 }}>
            {view.position && <Tag color="blue">{view.position}</Tag>}
            {view.classesLed.map((c) => (
              <Tag key={c.classId}>классный руководитель {c.name}</Tag>
            ))}
            {view.dismissalDate && <Tag>уволен(а) {formatDateRu(view.dismissalDate)}</Tag>}
            {onLeave(view) && <Tag color="gold">в отпуске по уходу за ребёнком{view.maternityLeaveTo ? ` до ${formatDateRu(view.maternityLeaveTo)}` : ''}</Tag>}
            {view.appUserLogin && <Typography.Text type="secondary">пользователь программы: {view.appUserLogin}</Typography.Text>}
            <AccountBadge account={view.account} />
          </Space>
        )
      }
      tabs={tabs}
      canEdit={canEdit}
      onBack={() => navigate('/staff')}
      onReload={() => void refetch()}
      onCreate={async (payload) => {
        const order = payload.hireOrder as { orderDate?: string | null } | undefined;
        return create({ ...payload, hireOrder: order?.orderDate ? { orderDate: order.orderDate } : undefined } as never);
      }}
      onUpdate={(payload) => update(payload as never)}
      onSaved={(v, created) => created && navigate(`/staff/${v.id}`, { replace: true })}
      actions={
        view ? (
          <Space wrap>
            <PrintButtons form="staff-card-t2" personId={view.id} />
            {canMerge && <Button onClick={() => setMerging(true)}>Объединить с другой карточкой…</Button>}
          </Space>
        ) : null
      }
      onOpenOther={(other) => navigate(`/staff/${other}`)}
    />
    {view && <MergeModal kind="staff" keepId={view.id} keepName={`${view.lastName} ${view.firstName}`} open={merging} onClose={() => setMerging(false)} />}
    </>
  );
}
