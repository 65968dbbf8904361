import { Row, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { PUPIL_LABELS } from '../../../src-shared/contract/people';
import type { PupilView } from '../../../src-shared/contract/peopleViews';
import {
  ADAPTED_PROGRAMMES,
  BUDGET_LEVELS,
  CITIZENSHIPS,
  DEVIANT_BEHAVIOURS,
  DISABILITY_CATEGORIES,
  DISABILITY_GROUPS,
  FAMILY_COMPOSITIONS,
  FOREIGN_LANGUAGES,
  FUNDING_TYPES,
  HEALTH_GROUPS,
  OVZ_CATEGORIES,
  PE_GROUPS,
  SOCIAL_STATUSES,
  STUDY_FORMS,
} from '../../../src-shared/domain/peopleDictionaries';
import { formatDateRu } from '../../components/format';
import { useHasRight } from '../../components/useSession';
import { AccountBadge } from '../people/AccountBadge';
import { AddressesEditor } from '../people/AddressesEditor';
import { DocumentsEditor } from '../people/DocumentsEditor';
import { fieldKit } from '../people/fields';
import { PersonCardPage } from '../people/PersonCardPage';
import { PrintButtons } from '../reports/PrintFormPage';
import { PUPIL_CARD } from '../people/personCards';
import type { CardTab } from '../../components/card/CardFrame';
import { FamilyTab } from './FamilyTab';

/** «Личная карта обучающегося»: tabs Основное, Документы, Адреса, Здоровье и ОВЗ, Социальное, Семья, Образование, История. */
const f = fieldKit(PUPIL_LABELS);

export function PupilCardPage() {
  // Links are changed with the parents' edit right.
  const canLink = useHasRight('parents.edit');
  // Without parents.read the server sends the card without parents (issue 19, item 4).
  const canSeeParents = useHasRight('parents.read');
  const tabs = (view: PupilView | undefined): CardTab[] => [
    {
      key: 'main',
      label: 'Основное',
      fields: ['lastName', 'firstName', 'middleName', 'sex', 'birthDate', 'placeOfBirth', 'citizenship', 'snils', 'inn', 'phoneHome', 'phoneMobile', 'email', 'extraContact', 'alphabetBookNumber', 'personalFileNumber', 'note', 'pdRefusal'],
      content: (
        <>
          <Row gutter={12}>
            {f.names(['М', 'Ж'])}
            {f.date('birthDate', { span: 5, required: true })}
            {f.text('placeOfBirth', { span: 15 })}
            {f.select('citizenship', CITIZENSHIPS, { free: true })}
            {f.text('snils', { span: 8, placeholder: '123-456-789 01' })}
            {f.text('inn', { span: 8, placeholder: '12 цифр' })}
            {f.text('phoneMobile', { placeholder: '+7 913 123-45-67' })}
            {f.text('phoneHome')}
            {f.text('email')}
            {f.text('extraContact', { span: 24 })}
            {f.text('alphabetBookNumber', { span: 6 })}
            {f.text('personalFileNumber', { span: 6 })}
            {f.flag('pdRefusal', { span: 12 })}
            {f.text('note', { span: 24, area: true })}
          </Row>
        </>
      ),
    },
    { key: 'documents', label: 'Документы', fields: ['documents'], content: <DocumentsEditor defaultType="birthCertificate" /> },
    { key: 'addresses', label: 'Адреса', fields: ['addresses'], content: <AddressesEditor /> },
    {
      key: 'health',
      label: 'Здоровье и ОВЗ',
      fields: ['healthGroup', 'peGroup', 'diseases', 'longTreatment', 'hasOvz', 'ovzCategory', 'adaptedProgramme', 'healthLimitation', 'disabilityGroup', 'disabilityCategory', 'disabilityUntil', 'pmpkNumber', 'pmpkDate', 'psychCharacteristic'],
      content: (
        <Row gutter={12}>
          {f.select('healthGroup', HEALTH_GROUPS, { span: 6 })}
          {f.select('peGroup', PE_GROUPS, { span: 6 })}
          {f.tags('diseases', [])}
          {f.flag('hasOvz', { span: 6 })}
          {f.flag('longTreatment', { span: 18 })}
          {f.select('ovzCategory', OVZ_CATEGORIES, { span: 12, free: true })}
          {f.select('adaptedProgramme', ADAPTED_PROGRAMMES, { span: 12, free: true })}
          {f.text('pmpkNumber', { span: 6 })}
          {f.date('pmpkDate')}
          {f.text('healthLimitation', { span: 12 })}
          {f.select('disabilityGroup', DISABILITY_GROUPS, { span: 6 })}
          {f.select('disabilityCategory', DISABILITY_CATEGORIES, { span: 12, free: true })}
          {f.date('disabilityUntil')}
          {f.text('psychCharacteristic', { span: 24, area: true })}
        </Row>
      ),
    },
    {
      key: 'social',
      label: 'Социальное',
      fields: ['boarding', 'homeSchooling', 'needsTransport', 'transportProvided', 'freeMeals', 'hotMeals', 'familyComposition', 'socialStatus', 'deviantBehaviour', 'preventiveMeasures', 'droppedOut', 'hasPcAtHome', 'gifted', 'giftedDirection', 'smallNorthernPeople'],
      content: (
        <Row gutter={12}>
          {f.flag('boarding')}
          {f.flag('homeSchooling')}
          {f.flag('hasPcAtHome')}
          {f.flag('needsTransport')}
          {f.flag('transportProvided')}
          {f.flag('smallNorthernPeople')}
          {f.flag('freeMeals')}
          {f.flag('hotMeals')}
          {f.flag('droppedOut')}
          {f.tags('familyComposition', FAMILY_COMPOSITIONS)}
          {f.tags('socialStatus', SOCIAL_STATUSES)}
          {f.tags('deviantBehaviour', DEVIANT_BEHAVIOURS)}
          {f.text('preventiveMeasures', { span: 12 })}
          {f.flag('gifted', { span: 6 })}
          {f.text('giftedDirection', { span: 18 })}
        </Row>
      ),
    },
    {
      key: 'family',
      label: 'Семья',
      fields: [],
      content: !canSeeParents ? (
        <Typography.Text type="secondary">Сведения о родителях видны пользователям с правом «Просмотр карточек родителей».</Typography.Text>
      ) : view ? (
        <FamilyTab pupil={view} canEdit={canLink} />
      ) : (
        <Typography.Text type="secondary">Сохраните карточку, затем добавьте родителей и законных представителей.</Typography.Text>
      ),
    },
    {
      key: 'education',
      label: 'Образование',
      fields: ['studyForm', 'studyProgramme', 'foreignLanguage1', 'foreignLanguage2', 'fundingType', 'budgetLevel', 'additionalEducationCertificate', 'additionalEducationCertificateDate', 'egeSubjects', 'egeReducedSubjects', 'egeDocumentType'],
      content: (
        <>
          <Row gutter={12}>
            {f.select('studyForm', STUDY_FORMS, { span: 6 })}
            {f.text('studyProgramme', { span: 18 })}
            {f.select('foreignLanguage1', FOREIGN_LANGUAGES, { span: 6 })}
            {f.select('foreignLanguage2', FOREIGN_LANGUAGES, { span: 6 })}
            {f.select('fundingType', FUNDING_TYPES, { span: 6 })}
            {f.select('budgetLevel', BUDGET_LEVELS, { span: 6 })}
            {f.text('additionalEducationCertificate', { span: 8 })}
            {f.date('additionalEducationCertificateDate')}
            {f.text('egeDocumentType', { span: 10 })}
            {f.tags('egeSubjects', [])}
            {f.tags('egeReducedSubjects', [])}
          </Row>
          {view && (
            <Table
              size="small"
              rowKey={(r) => `${r.classId}-${r.startDate}`}
              pagination={false}
              title={() => 'Классы (по книге движения)'}
              dataSource={view.classHistory}
              columns={[
                { title: 'Учебный год', dataIndex: 'yearName' },
                { title: 'Класс', dataIndex: 'className' },
                { title: 'С', dataIndex: 'startDate', render: (d: string) => formatDateRu(d) },
                { title: 'По', dataIndex: 'endDate', render: (d: string | null) => (d ? formatDateRu(d) : 'по настоящее время') },
                { title: 'Основание', dataIndex: 'cause' },
              ]}
            />
          )}
        </>
      ),
    },
  ];

  return (
    <PersonCardPage
      spec={PUPIL_CARD}
      tabs={tabs}
      actions={(view) => (
        <Space wrap>
          <PrintButtons form="pupil-card" personId={view.id} />
          <PrintButtons form="study-certificate" personId={view.id} />
        </Space>
      )}
      subtitle={(view) => (
        <Space wrap style={{ marginTop: 4 }}>
            {view.className ? (
              <Tag color="blue">{view.className} класс</Tag>
            ) : (
              <Tag>
                без класса — <Link to="/movement">зачислить приказом в книге движения</Link>
              </Tag>
            )}
            {view.birthDate && <Typography.Text type="secondary">{formatDateRu(view.birthDate)} г. р.</Typography.Text>}
            <AccountBadge account={view.account} />
          </Space>
      )}
    />
  );
}
