import type { ReactNode } from 'react';
import {
  BankOutlined,
  CalendarOutlined,
  CloudSyncOutlined,
  FileExcelOutlined,
  HomeOutlined,
  IdcardOutlined,
  ReadOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';

export interface NavItem {
  path: string;
  label: string;
  /** Shown on the placeholder page until the feature lands. */
  planned?: string;
}

export interface NavSection {
  key: string;
  label: string;
  icon: ReactNode;
  items: NavItem[];
}

/** The office's workflows, grouped by who does them (the school's work order, section 2). */
export const NAVIGATION: NavSection[] = [
  { key: 'home', label: 'Главная', icon: <HomeOutlined />, items: [{ path: '/', label: 'Главная' }] },
  {
    key: 'secretary',
    label: 'Секретарь',
    icon: <IdcardOutlined />,
    items: [
      { path: '/pupils', label: 'Обучающиеся', planned: 'Личные карточки обучающихся' },
      { path: '/parents', label: 'Родители', planned: 'Карточки родителей и законных представителей' },
      { path: '/movement', label: 'Книга движения', planned: 'Книга движения и приказы' },
    ],
  },
  {
    key: 'hr',
    label: 'Кадры',
    icon: <TeamOutlined />,
    items: [{ path: '/staff', label: 'Сотрудники', planned: 'Личные карточки сотрудников' }],
  },
  {
    key: 'study',
    label: 'Учебная часть',
    icon: <ReadOutlined />,
    items: [
      { path: '/year', label: 'Учебный год и календарь', planned: 'Учебный год, периоды, каникулы, переносы' },
      { path: '/classes', label: 'Классы', planned: 'Классы и подгруппы' },
      { path: '/curriculum', label: 'Учебный план', planned: 'Учебный план и нагрузка' },
    ],
  },
  {
    key: 'timetable',
    label: 'Расписание',
    icon: <CalendarOutlined />,
    items: [{ path: '/timetable', label: 'Расписание', planned: 'Составление расписания' }],
  },
  {
    key: 'reports',
    label: 'Отчёты',
    icon: <FileExcelOutlined />,
    items: [{ path: '/reports', label: 'Отчёты', planned: 'Отчёты в Excel и сроки' }],
  },
  {
    key: 'portal',
    label: 'Обмен с порталом',
    icon: <CloudSyncOutlined />,
    items: [{ path: '/portal', label: 'Обмен с порталом', planned: 'Загрузка из «Сетевого города» и выгрузка в него' }],
  },
  {
    key: 'admin',
    label: 'Администрирование',
    icon: <SettingOutlined />,
    items: [
      { path: '/admin/school', label: 'Карточка ОО' },
      { path: '/admin/backups', label: 'Резервные копии' },
    ],
  },
];

export const SCHOOL_ICON = <BankOutlined />;

export function findNavItem(path: string): NavItem | undefined {
  for (const s of NAVIGATION) for (const i of s.items) if (i.path === path) return i;
  return undefined;
}
