import { Col, Form, Row, Space, Tag, Typography } from 'antd';
import { STAFF_LABELS } from '../../../src-shared/contract/staff';
import type { StaffView } from '../../../src-shared/contract/peopleViews';
import { CITIZENSHIPS, EMPLOYEE_CATEGORIES, FAMILY_STATUSES, QUALIFICATION_CATEGORIES } from '../../../src-shared/domain/peopleDictionaries';
import { todayLocal } from '../../../src-shared/domain/personRules';
import { DateField } from '../../components/DateField';
import { formatDateRu } from '../../components/format';
import { AccountBadge } from '../people/AccountBadge';
import { ADULT_DOCUMENT_TABS } from '../people/adultCardTabs';
import { fieldKit } from '../people/fields';
import { PersonCardPage } from '../people/PersonCardPage';
import { STAFF_CARD } from '../people/personCards';
import type { CardTab } from '../../components/card/CardFrame';
import { EducationsEditor, PositionsEditor } from './PositionsEditor';
import { TrainingsEditor } from './TrainingsEditor';
import { PrintButtons } from '../reports/PrintFormPage';
import { FamilyMembersEditor } from './FamilyMembersEditor';

/** «Личная карточка работника» kept by HR: tabs Основное, Документы, Адреса, Семья и дети, Работа, Образование, История. */
const f = fieldKit(STAFF_LABELS);

function onLeave(v: StaffView): boolean {
  const today = todayLocal();
  return Boolean(v.maternityLeaveFrom && v.maternityLeaveFrom <= today && (!v.maternityLeaveTo || v.maternityLeaveTo >= today) && !(v.dismissalDate && v.dismissalDate <= today));
}

export function StaffCardPage() {
  const tabs = (view: StaffView | undefined): CardTab[] => [
    {
      key: 'main',
      label: 'Основное',
      fields: ['lastName', 'firstName', 'middleName', 'sex', 'birthDate', 'citizenship', 'snils', 'inn', 'phoneMobile', 'phoneHome', 'email', 'hasPcAtHome', 'note'],
      content: (
        <Row gutter={12}>
          {f.names(['Ж', 'М'])}
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
    ...ADULT_DOCUMENT_TABS,
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
            {!view && (
              <Col xs={24} md={5}>
                <Form.Item name={['hireOrder', 'orderDate']} label="Дата приказа о приёме" tooltip="С неё идёт срок выдачи учётной записи портала: 3 рабочих дня">
                  <DateField />
                </Form.Item>
              </Col>
            )}
            {f.text('department', { span: view ? 10 : 5 })}
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

  return (
    <PersonCardPage
      spec={STAFF_CARD}
      tabs={tabs}
      actions={(view) => (
        <Space wrap>
          <PrintButtons form="staff-card-t2" personId={view.id} />
          <PrintButtons form="work-certificate" personId={view.id} />
        </Space>
      )}
      subtitle={(view) => (
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
      )}
    />
  );
}
