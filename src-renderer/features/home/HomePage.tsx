import { Card, Col, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { navigationFor } from '../../app/navigation';
import { useSession } from '../../components/useSession';
import { useSchoolCardQuery } from '../school/schoolApi';
import { OverdueAccountsPanel } from '../accounts/OverdueAccountsPanel';

export function HomePage() {
  const { data } = useSchoolCardQuery();
  const nav = navigationFor(useSession().user.rights);
  return (
    <div>
      <Typography.Title level={2}>{data?.card?.shortName ?? 'Школьный офис'}</Typography.Title>
      <Typography.Paragraph type="secondary">
        Личные дела, книга движения, учебный план, расписание и отчёты школы — на этом компьютере, без интернета.
      </Typography.Paragraph>
      <OverdueAccountsPanel />
      {!data?.card && (
        <Typography.Paragraph>
          Начните с <Link to="/admin/school">карточки образовательной организации</Link>.
        </Typography.Paragraph>
      )}
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
