import { createHashRouter } from 'react-router';
import { AppLayout } from './AppLayout';
import { NAVIGATION } from './navigation';
import { HomePage } from '../features/home/HomePage';
import { PlannedPage } from '../features/home/PlannedPage';
import { SchoolCardPage } from '../features/school/SchoolCardPage';
import { BackupsPage } from '../features/system/BackupsPage';
import { RequireRight } from '../features/access/RequireRight';
import { UsersPage } from '../features/access/UsersPage';
import { RightsMatrixPage } from '../features/access/RightsMatrixPage';
import { AuditLogPage } from '../features/audit/AuditLogPage';
import { YearPage } from '../features/year/YearPage';
import { BellsPage } from '../features/year/BellsPage';
import { ClassesPage } from '../features/classes/ClassesPage';
import { SubjectsPage } from '../features/subjects/SubjectsPage';
import { RoomsPage } from '../features/rooms/RoomsPage';
import { ProductionCalendarPage } from '../features/calendar/ProductionCalendarPage';
import { MovementPage } from '../features/movement/MovementPage';
import { OrderEditorPage } from '../features/movement/OrderEditorPage';
import { MovementBookPage } from '../features/movement/reports/MovementBookPage';
import { OccupancyReportPage } from '../features/movement/reports/OccupancyReportPage';
import { MovementReportPage } from '../features/movement/reports/MovementReportPage';
import { RolloverPage } from '../features/movement/rollover/RolloverPage';
import { CurriculumPage } from '../features/curriculum/CurriculumPage';
import { LoadPage } from '../features/load/LoadPage';
import { VacanciesPage } from '../features/load/VacanciesPage';
import { PupilsPage } from '../features/pupils/PupilsPage';
import { PupilCardPage } from '../features/pupils/PupilCardPage';
import { ParentsPage } from '../features/parents/ParentsPage';
import { ParentCardPage } from '../features/parents/ParentCardPage';
import { StaffPage } from '../features/staff/StaffPage';
import { StaffCardPage } from '../features/staff/StaffCardPage';
import { AccountsPage } from '../features/accounts/AccountsPage';
import { ExchangePage } from '../features/exchange/ExchangePage';
import { TimetablePage } from '../features/timetable/TimetablePage';
import { AvailabilityPage } from '../features/timetable/AvailabilityPage';
import { JointsPage } from '../features/timetable/JointsPage';
import { SubstitutionsPage } from '../features/timetable/substitutions/SubstitutionsPage';
import { DeadlineJournalPage } from '../features/deadlines/DeadlineJournalPage';
import { DeadlineRulesPage } from '../features/deadlines/DeadlineRulesPage';
import { ReportsCataloguePage } from '../features/reports/ReportsCataloguePage';
import { ReportRunPage } from '../features/reports/ReportRunPage';
import { CustomReportPage } from '../features/reports/CustomReportPage';
import { BuilderPage } from '../features/reports/BuilderPage';
import { PrintFormPage } from '../features/reports/PrintFormPage';
import { PrintTemplatesPage } from '../features/reports/PrintTemplatesPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { SetupWizardPage } from '../features/settings/SetupWizardPage';

const planned = NAVIGATION.flatMap((s) => s.items).filter((i) => i.planned);

// Hash routing works the same under app:// in Electron and over HTTP without server rewrites.
export const router = createHashRouter([
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'admin/school', element: <RequireRight right="school.read"><SchoolCardPage /></RequireRight> },
      { path: 'admin/settings', element: <RequireRight right="system.read"><SettingsPage /></RequireRight> },
      { path: 'setup', element: <RequireRight right="system.manage"><SetupWizardPage /></RequireRight> },
      { path: 'admin/backups', element: <RequireRight right="system.read"><BackupsPage /></RequireRight> },
      { path: 'admin/users', element: <RequireRight right="users.read"><UsersPage /></RequireRight> },
      { path: 'admin/rights', element: <RequireRight right="users.read"><RightsMatrixPage /></RequireRight> },
      { path: 'admin/audit', element: <RequireRight right="audit.read"><AuditLogPage /></RequireRight> },
      { path: 'year', element: <RequireRight right="setup.read"><YearPage /></RequireRight> },
      { path: 'classes', element: <RequireRight right="setup.read"><ClassesPage /></RequireRight> },
      { path: 'subjects', element: <RequireRight right="setup.read"><SubjectsPage /></RequireRight> },
      { path: 'rooms', element: <RequireRight right="setup.read"><RoomsPage /></RequireRight> },
      { path: 'bells', element: <RequireRight right="setup.read"><BellsPage /></RequireRight> },
      { path: 'admin/production-calendar', element: <RequireRight right="setup.read"><ProductionCalendarPage /></RequireRight> },
      { path: 'movement', element: <RequireRight right="movement.read"><MovementPage /></RequireRight> },
      { path: 'movement/orders/:id', element: <RequireRight right="movement.read"><OrderEditorPage /></RequireRight> },
      { path: 'reports', element: <RequireRight right="reports.read"><ReportsCataloguePage /></RequireRight> },
      { path: 'reports/run/:key', element: <RequireRight right="reports.read"><ReportRunPage /></RequireRight> },
      { path: 'reports/custom/:id', element: <RequireRight right="reports.read"><CustomReportPage /></RequireRight> },
      { path: 'reports/builder', element: <RequireRight right="reports.build"><BuilderPage /></RequireRight> },
      { path: 'reports/builder/:id', element: <RequireRight right="reports.build"><BuilderPage /></RequireRight> },
      { path: 'reports/print/:key', element: <RequireRight right="reports.read"><PrintFormPage /></RequireRight> },
      { path: 'reports/templates', element: <RequireRight right="reports.templates"><PrintTemplatesPage /></RequireRight> },
      { path: 'reports/occupancy', element: <RequireRight right="movement.reports"><OccupancyReportPage /></RequireRight> },
      { path: 'reports/movement', element: <RequireRight right="movement.reports"><MovementReportPage /></RequireRight> },
      { path: 'reports/movement-book', element: <RequireRight right="movement.read"><MovementBookPage /></RequireRight> },
      { path: 'admin/rollover', element: <RequireRight right="movement.rollover"><RolloverPage /></RequireRight> },
      { path: 'curriculum', element: <RequireRight right="curriculum.read"><CurriculumPage /></RequireRight> },
      { path: 'load', element: <RequireRight right="curriculum.read"><LoadPage /></RequireRight> },
      { path: 'vacancies', element: <RequireRight right="curriculum.read"><VacanciesPage /></RequireRight> },
      { path: 'pupils', element: <RequireRight right="pupils.read"><PupilsPage /></RequireRight> },
      { path: 'pupils/:id', element: <RequireRight right="pupils.read"><PupilCardPage /></RequireRight> },
      { path: 'parents', element: <RequireRight right="parents.read"><ParentsPage /></RequireRight> },
      { path: 'parents/:id', element: <RequireRight right="parents.read"><ParentCardPage /></RequireRight> },
      { path: 'staff', element: <RequireRight right="staff.read"><StaffPage /></RequireRight> },
      { path: 'staff/:id', element: <RequireRight right="staff.read"><StaffCardPage /></RequireRight> },
      { path: 'accounts', element: <RequireRight right="accounts.read"><AccountsPage /></RequireRight> },
      { path: 'portal', element: <RequireRight right="exchange.read"><ExchangePage /></RequireRight> },
      { path: 'timetable', element: <RequireRight right="timetable.read"><TimetablePage /></RequireRight> },
      { path: 'timetable/availability', element: <RequireRight right="timetable.all"><AvailabilityPage /></RequireRight> },
      { path: 'timetable/joints', element: <RequireRight right="curriculum.read"><JointsPage /></RequireRight> },
      { path: 'timetable/substitutions', element: <RequireRight right="timetable.all"><SubstitutionsPage /></RequireRight> },
      { path: 'deadlines/journal', element: <RequireRight right="deadlines.journal"><DeadlineJournalPage /></RequireRight> },
      { path: 'deadlines/rules', element: <RequireRight right="deadlines.read"><DeadlineRulesPage /></RequireRight> },
      ...planned.map((i) => ({ path: i.path.slice(1), element: <PlannedPage /> })),
      { path: '*', element: <PlannedPage /> },
    ],
  },
]);
