import type { ReactNode } from 'react';
import {
  BankOutlined,
  CalendarOutlined,
  ClockCircleOutlined,
  CloudSyncOutlined,
  FileExcelOutlined,
  HomeOutlined,
  IdcardOutlined,
  ReadOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Right } from '../../src-shared/contract/rights';

export interface NavItem {
  path: string;
  label: string;
  /** Shown on the placeholder page until the feature lands. */
  planned?: string;
  /** The menu shows the item only to users with this right; wrap the route in `RequireRight` too. */
  right?: Right;
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
      { path: '/pupils', label: 'Обучающиеся', right: 'pupils.read' },
      { path: '/parents', label: 'Родители', right: 'parents.read' },
      { path: '/movement', label: 'Книга движения', right: 'movement.read' },
    ],
  },
  {
    key: 'hr',
    label: 'Кадры',
    icon: <TeamOutlined />,
    items: [{ path: '/staff', label: 'Сотрудники', right: 'staff.read' }],
  },
  {
    key: 'study',
    label: 'Учебная часть',
    icon: <ReadOutlined />,
    items: [
      { path: '/year', label: 'Учебный год и календарь', right: 'setup.read' },
      { path: '/classes', label: 'Классы', right: 'setup.read' },
      { path: '/subjects', label: 'Предметы', right: 'setup.read' },
      { path: '/rooms', label: 'Кабинеты', right: 'setup.read' },
      { path: '/bells', label: 'Звонки', right: 'setup.read' },
      { path: '/curriculum', label: 'Учебный план', right: 'curriculum.read' },
      { path: '/load', label: 'Нагрузка', right: 'curriculum.read' },
      { path: '/vacancies', label: 'Вакансии', right: 'curriculum.read' },
    ],
  },
  {
    key: 'timetable',
    label: 'Расписание',
    icon: <CalendarOutlined />,
    items: [
      { path: '/timetable', label: 'Расписание', right: 'timetable.read' },
      { path: '/timetable/availability', label: 'Недоступность учителей', right: 'timetable.all' },
      { path: '/timetable/joints', label: 'Объединённые занятия', right: 'curriculum.read' },
      { path: '/timetable/substitutions', label: 'Замены', right: 'timetable.all' },
    ],
  },
  {
    key: 'reports',
    label: 'Отчёты',
    icon: <FileExcelOutlined />,
    items: [
      { path: '/reports', label: 'Каталог отчётов', right: 'reports.read' },
      { path: '/reports/builder', label: 'Конструктор отчётов', right: 'reports.build' },
      { path: '/reports/occupancy', label: 'Наполняемость классов', right: 'movement.reports' },
      { path: '/reports/movement', label: 'Движение учащихся', right: 'movement.reports' },
      { path: '/reports/movement-book', label: 'Книга движения учащихся', right: 'movement.read' },
    ],
  },
  {
    key: 'deadlines',
    label: 'Сроки',
    icon: <ClockCircleOutlined />,
    items: [
      { path: '/deadlines/journal', label: 'Журнал соблюдения сроков', right: 'deadlines.journal' },
      { path: '/deadlines/rules', label: 'Правила сроков (регламент)', right: 'deadlines.read' },
    ],
  },
  {
    key: 'portal',
    label: 'Обмен с порталом',
    icon: <CloudSyncOutlined />,
    items: [
      { path: '/accounts', label: 'Учётные записи портала', right: 'accounts.read' },
      { path: '/portal', label: 'Обмен с порталом', right: 'exchange.read' },
    ],
  },
  {
    key: 'admin',
    label: 'Администрирование',
    icon: <SettingOutlined />,
    items: [
      { path: '/admin/school', label: 'Карточка ОО', right: 'school.read' },
      { path: '/admin/production-calendar', label: 'Производственный календарь', right: 'setup.read' },
      { path: '/admin/backups', label: 'Резервные копии', right: 'system.read' },
      { path: '/admin/settings', label: 'Настройки программы', right: 'system.read' },
      { path: '/setup', label: 'Первоначальная настройка', right: 'system.manage' },
      { path: '/admin/rollover', label: 'Переход на новый год', right: 'movement.rollover' },
      { path: '/admin/users', label: 'Пользователи', right: 'users.read' },
      { path: '/admin/rights', label: 'Права ролей', right: 'users.read' },
      { path: '/admin/audit', label: 'Журнал изменений', right: 'audit.read' },
    ],
  },
];

export const SCHOOL_ICON = <BankOutlined />;

/** The menu as this user sees it: items they have no right to are not shown, empty sections neither. */
export function navigationFor(rights: readonly string[]): NavSection[] {
  return NAVIGATION.map((s) => ({ ...s, items: s.items.filter((i) => !i.right || rights.includes(i.right)) })).filter((s) => s.items.length > 0);
}

export function findNavItem(path: string): NavItem | undefined {
  for (const s of NAVIGATION) for (const i of s.items) if (i.path === path) return i;
  return undefined;
}
