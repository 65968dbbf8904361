import { createHashRouter } from 'react-router';
import { AppLayout } from './AppLayout';
import { NAVIGATION } from './navigation';
import { HomePage } from '../features/home/HomePage';
import { PlannedPage } from '../features/home/PlannedPage';
import { SchoolCardPage } from '../features/school/SchoolCardPage';
import { BackupsPage } from '../features/system/BackupsPage';

const planned = NAVIGATION.flatMap((s) => s.items).filter((i) => i.planned);

// Hash routing works the same under app:// in Electron and over HTTP without server rewrites.
export const router = createHashRouter([
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'admin/school', element: <SchoolCardPage /> },
      { path: 'admin/backups', element: <BackupsPage /> },
      ...planned.map((i) => ({ path: i.path.slice(1), element: <PlannedPage /> })),
      { path: '*', element: <PlannedPage /> },
    ],
  },
]);
