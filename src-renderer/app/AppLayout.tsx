import { Layout, Menu, Typography } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { navigationFor } from './navigation';
import { useSession } from '../components/useSession';
import { UserMenu } from '../features/access/UserMenu';
import { StatusBar } from '../features/system/StatusBar';
import { JobsProgress } from '../features/system/JobsProgress';
import { ErrorNotifier } from '../features/system/ErrorNotifier';
import { ProductionCalendarBanner } from '../features/calendar/ProductionCalendarBanner';

const { Sider, Header, Content } = Layout;

export function AppLayout() {
  const navigate = useNavigate();
  const location = useLocation();
  const nav = navigationFor(useSession().user.rights);
  const items = nav.map((s) =>
    s.items.length === 1 && s.items[0].label === s.label
      ? { key: s.items[0].path, icon: s.icon, label: s.label }
      : { key: s.key, icon: s.icon, label: s.label, children: s.items.map((i) => ({ key: i.path, label: i.label })) },
  );
  const openKeys = nav.filter((s) => s.items.some((i) => i.path === location.pathname)).map((s) => s.key);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider width={250} theme="light" breakpoint="lg" collapsedWidth={64}>
        <div style={{ padding: '16px 20px' }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            Школьный офис
          </Typography.Title>
        </div>
        <nav aria-label="Разделы">
          <Menu
            mode="inline"
            items={items}
            selectedKeys={[location.pathname]}
            defaultOpenKeys={openKeys}
            onClick={(e) => navigate(e.key)}
          />
        </nav>
      </Sider>
      <Layout>
        <Header style={{ background: '#fff', padding: '0 24px', display: 'flex', alignItems: 'center', gap: 16 }}>
          <StatusBar />
          <UserMenu />
        </Header>
        <Content style={{ margin: 24 }}>
          <main>
            <ProductionCalendarBanner />
            <Outlet />
          </main>
        </Content>
      </Layout>
      <JobsProgress />
      <ErrorNotifier />
    </Layout>
  );
}
