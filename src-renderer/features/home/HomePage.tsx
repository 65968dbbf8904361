import { Card, Col, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { navigationFor } from '../../app/navigation';
import { useHasRight, useSession } from '../../components/useSession';
import { useSchoolCardQuery } from '../school/schoolApi';
import { DeadlinesPanel } from '../deadlines/DeadlinesPanel';
import { SetupBanner } from '../settings/SetupBanner';

export function HomePage() {
  const { data } = useSchoolCardQuery();
  const nav = navigationFor(useSession().user.rights);
  const seesDeadlines = useHasRight('deadlines.read');
  return (
    <div>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {data?.card?.shortName ?? 'Школьный офис'}
      </Typography.Title>
      <SetupBanner />
      {!data?.card && (
        <Typography.Paragraph>
          Начните с <Link to="/admin/school">карточки образовательной организации</Link>.
        </Typography.Paragraph>
      )}
      {seesDeadlines && <DeadlinesPanel />}
      <Typography.Title level={4}>Разделы</Typography.Title>
      <Row gutter={[16, 16]}>
        {nav.filter((s) => s.key !== 'home').map((s) => (
          <Col key={s.key} xs={24} md={12} xl={8}>
            <Card title={<span>{s.icon} {s.label}</span>} size="small">
              {s.items.map((i) => (
                <div key={i.path}>
                  <Link to={i.path}>{i.label}</Link>
                </div>
              ))}
            </Card>
          </Col>
        ))}
      </Row>
    </div>
  );
}
