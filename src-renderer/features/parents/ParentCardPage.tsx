import { Row, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { PARENT_LABELS } from '../../../src-shared/contract/peopleParents';
import type { ParentView } from '../../../src-shared/contract/peopleViews';
import { CITIZENSHIPS, EDUCATION_LEVELS } from '../../../src-shared/domain/peopleDictionaries';
import { formatDateRu } from '../../components/format';
import { AccountBadge } from '../people/AccountBadge';
import { ADULT_DOCUMENT_TABS } from '../people/adultCardTabs';
import { fieldKit } from '../people/fields';
import { PersonCardPage } from '../people/PersonCardPage';
import { PARENT_CARD } from '../people/personCards';
import type { CardTab } from '../../components/card/CardFrame';

/** The card of a parent or legal representative: tabs Основное, Документы, Адреса, Дети, Работа и образование, История. */
const f = fieldKit(PARENT_LABELS);

export function ParentCardPage() {
  const tabs = (view: ParentView | undefined): CardTab[] => [
    {
      key: 'main',
      label: 'Основное',
      fields: ['lastName', 'firstName', 'middleName', 'sex', 'birthDate', 'citizenship', 'snils', 'phoneMobile', 'phoneHome', 'email', 'note'],
      content: (
        <Row gutter={12}>
          {f.names(['Ж', 'М'])}
          {f.date('birthDate', { span: 5 })}
          {f.select('citizenship', CITIZENSHIPS, { free: true, span: 7 })}
          {f.text('snils', { span: 8, placeholder: '123-456-789 01' })}
          {f.text('phoneMobile')}
          {f.text('phoneHome')}
          {f.text('email')}
          {f.text('note', { span: 24, area: true })}
        </Row>
      ),
    },
    ...ADULT_DOCUMENT_TABS,
    {
      key: 'children',
      label: 'Дети',
      fields: [],
      content: view ? (
        <Table
          size="small"
          rowKey="pupilId"
          pagination={false}
          dataSource={view.children}
          locale={{ emptyText: 'Дети не связаны: свяжите родителя на вкладке «Семья» карточки обучающегося' }}
          columns={[
            { title: 'Обучающийся', render: (_, c) => <Link to={`/pupils/${c.pupilId}`}>{c.name}</Link> },
            { title: 'Класс', dataIndex: 'className' },
            { title: 'Дата рождения', render: (_, c) => formatDateRu(c.birthDate) },
            { title: 'Степень родства', dataIndex: 'relation' },
            { title: 'Законный представитель', render: (_, c) => (c.isLegalRepresentative ? 'да' : 'нет') },
          ]}
        />
      ) : (
        <Typography.Text type="secondary">Родителя связывают с ребёнком на вкладке «Семья» карточки обучающегося.</Typography.Text>
      ),
    },
    {
      key: 'work',
      label: 'Работа и образование',
      fields: ['workplace', 'jobTitle', 'education', 'phoneWork', 'fax', 'workAddress'],
      content: (
        <Row gutter={12}>
          {f.text('workplace', { span: 12 })}
          {f.text('jobTitle', { span: 12 })}
          {f.select('education', EDUCATION_LEVELS, { free: true })}
          {f.text('phoneWork')}
          {f.text('fax')}
          {f.text('workAddress', { span: 24 })}
        </Row>
      ),
    },
  ];

  return (
    <PersonCardPage
      spec={PARENT_CARD}
      tabs={tabs}
      subtitle={(view) => (
        <Space wrap style={{ marginTop: 4 }}>
          {view.children.map((c) => (
            <Tag key={c.pupilId}>
              {c.relation}: {c.name.split(' ').slice(0, 2).join(' ')}
              {c.className ? `, ${c.className}` : ''}
            </Tag>
          ))}
          <AccountBadge account={view.account} />
        </Space>
      )}
    />
  );
}
