import { z } from './zodRu';
import { mutation, query } from './define';
import { exportedFile } from './files';
import { RIGHTS, type Right } from './rights';
import { version } from './fields';
import { checkLogin, checkPassword } from '../domain/passwordPolicy';

/** Built-in roles of the school's work order (section 2); their default rights live in core/access. */
export const ROLES = {
  admin: 'Администратор',
  director: 'Директор',
  deputy: 'Завуч',
  hr: 'Специалист по кадрам',
  secretary: 'Секретарь',
  classTeacher: 'Классный руководитель',
  teacher: 'Учитель',
} as const;

export type RoleId = keyof typeof ROLES;
export const ROLE_IDS = Object.keys(ROLES) as RoleId[];
export const RIGHT_KEYS = Object.keys(RIGHTS) as Right[];
/** Narrow ids read back from the core (lists carry them as plain strings) for the inputs that name them. */
export const isRoleId = (v: string): v is RoleId => Object.prototype.hasOwnProperty.call(ROLES, v);
export const isRightKey = (v: string): v is Right => Object.prototype.hasOwnProperty.call(RIGHTS, v);

const roleId = z.enum(ROLE_IDS as [RoleId, ...RoleId[]], 'выберите роль из списка');
const rightKey = z.enum(RIGHT_KEYS as [Right, ...Right[]], 'неизвестное право');
const id = z.string().min(1).max(100);

const login = z.string().trim().superRefine((v, ctx) => {
  const problem = checkLogin(v);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
const fullName = z.string().trim().min(1, 'обязательное поле').max(200, 'не длиннее 200 символов');
/** Checked against the login by the object-level refinement below. */
const password = z.string().max(200, 'не длиннее 200 символов');

function passwordRule(passwordKey: string, loginKey?: string) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const problem = checkPassword(String(value[passwordKey] ?? ''), loginKey ? String(value[loginKey] ?? '') : null);
    if (problem) ctx.addIssue({ code: 'custom', path: [passwordKey], message: problem });
  };
}

export const sessionUser = z.object({
  id: z.string(),
  login: z.string(),
  fullName: z.string(),
  staffId: z.string().nullable(),
  roles: z.array(z.string()),
  /** Effective rights after role defaults, the administrator's role changes and personal grants. */
  rights: z.array(z.string()),
  mustChangePassword: z.boolean(),
});
export type SessionUser = z.output<typeof sessionUser>;

/** `token` reaches in-process callers and bearer-mode HTTP clients; browsers and windows never see it. */
const signedIn = z.object({ user: sessionUser, token: z.string().optional() });

export const appUserRow = z.object({
  id: z.string(),
  login: z.string(),
  fullName: z.string(),
  staffId: z.string().nullable(),
  staffName: z.string().nullable(),
  roles: z.array(z.string()),
  isActive: z.boolean(),
  mustChangePassword: z.boolean(),
  failedAttempts: z.number().int(),
  lockedUntil: z.string().nullable(),
  lastSignInAt: z.string().nullable(),
  /** Personal grants (`true`) and withdrawals (`false`) on top of the roles. */
  rightOverrides: z.record(z.string(), z.boolean()),
  version,
});
export type AppUserRow = z.output<typeof appUserRow>;

const rightsMatrix = z.object({
  rights: z.array(z.object({ key: z.string(), label: z.string() })),
  roles: z.array(z.object({ id: z.string(), label: z.string() })),
  /** role → rights by default (the work order) and as configured now. */
  defaults: z.record(z.string(), z.array(z.string())),
  effective: z.record(z.string(), z.array(z.string())),
  /** `role:right` pairs the administrator cannot withdraw (they would lock everyone out). */
  locked: z.array(z.string()),
});
export type RightsMatrix = z.output<typeof rightsMatrix>;

export const accessSettings = z.object({
  sessionIdleMinutes: z.number().int().min(5, 'не меньше 5 минут').max(24 * 60, 'не больше суток'),
  lockMinutes: z.number().int().min(1, 'не меньше 1 минуты').max(24 * 60, 'не больше суток'),
});
export type AccessSettings = z.output<typeof accessSettings>;

export const ACCESS_LABELS: Record<string, string> = {
  login: 'Логин',
  fullName: 'ФИО',
  password: 'Пароль',
  currentPassword: 'Текущий пароль',
  newPassword: 'Новый пароль',
  roles: 'Роли',
  staffId: 'Сотрудник',
  isActive: 'Активен',
  sessionIdleMinutes: 'Выход после бездействия, минут',
  lockMinutes: 'Блокировка после 5 неверных паролей, минут',
  setupCode: 'Код первого запуска',
};

export const accessContract = {
  /** Who is signed in on this connection, and whether the first administrator still has to be created. */
  'access.session.state': query({
    summary: 'Текущий вход',
    right: null,
    input: z.object({}).optional(),
    output: z.object({
      setupRequired: z.boolean(),
      /** Over HTTP the first administrator needs the one-time code `serve` printed on its console. */
      setupCodeRequired: z.boolean(),
      user: sessionUser.nullable(),
    }),
  }),
  /**
   * First run only: creates the administrator on an empty database and signs them in. From a browser
   * it needs `setupCode`, the one-time code `serve` printed; the desktop window and the CLI need none.
   */
  'access.setup.createAdmin': mutation({
    summary: 'Создать администратора при первом запуске',
    right: null,
    entity: 'appUser',
    record: 'Администратор',
    labels: ACCESS_LABELS,
    input: z
      .object({ login, fullName, password, setupCode: z.string().max(64).optional() })
      .superRefine(passwordRule('password', 'login')),
    output: signedIn,
  }),
  /** Signs in with login and password; five wrong passwords lock the login for a growing interval. */
  'access.signIn': mutation({
    summary: 'Вход в программу',
    right: null,
    entity: 'session',
    record: 'Вход',
    labels: ACCESS_LABELS,
    input: z.object({ login: z.string().trim().min(1, 'обязательное поле').max(100), password: z.string().min(1, 'обязательное поле').max(200) }),
    output: signedIn,
  }),
  /** Ends the session of this connection. */
  'access.signOut': mutation({
    summary: 'Выход из программы',
    right: null,
    entity: 'session',
    input: z.object({}).optional(),
    output: z.object({ signedOut: z.boolean() }),
  }),
  /** Changes the caller's own password (required after an administrator reset). */
  'access.password.change': mutation({
    summary: 'Сменить свой пароль',
    right: null,
    entity: 'appUser',
    record: 'Смена пароля',
    labels: ACCESS_LABELS,
    input: z.object({ currentPassword: z.string().min(1, 'обязательное поле').max(200), newPassword: password }).superRefine(passwordRule('newPassword')),
    output: z.object({ user: sessionUser }),
  }),
  /** Users of the app with roles, status and personal rights. */
  'access.users.list': query({
    summary: 'Пользователи программы',
    right: 'users.read',
    input: z.object({}).optional(),
    output: z.array(appUserRow),
  }),
  /** The users as an Excel list: names, logins, roles, state — never a password. */
  'access.users.export': query({ summary: 'Пользователи программы в Excel', right: 'users.read', exportsPersonalData: true, input: z.object({}).optional(), output: exportedFile }),
  /** Staff cards a user can be linked to. */
  'access.users.staffOptions': query({
    summary: 'Сотрудники для привязки к пользователю',
    right: 'users.read',
    input: z.object({}).optional(),
    output: z.array(z.object({ id: z.string(), fullName: z.string(), position: z.string().nullable() })),
  }),
  /** Creates a user with an initial password the user must change at first sign-in. */
  'access.users.create': mutation({
    summary: 'Создать пользователя',
    right: 'users.edit',
    entity: 'appUser',
    record: 'Пользователь',
    labels: ACCESS_LABELS,
    input: z
      .object({ login, fullName, staffId: id.nullable().optional(), roles: z.array(roleId).min(1, 'выберите хотя бы одну роль'), password })
      .superRefine(passwordRule('password', 'login')),
    output: appUserRow,
  }),
  /** Changes name, staff link, roles or the active flag; `version` is the one read. */
  'access.users.update': mutation({
    summary: 'Изменить пользователя',
    right: 'users.edit',
    entity: 'appUser',
    record: 'Пользователь',
    labels: ACCESS_LABELS,
    input: z.object({
      id,
      version,
      fullName,
      staffId: id.nullable(),
      roles: z.array(roleId).min(1, 'выберите хотя бы одну роль'),
      isActive: z.boolean(),
    }),
    output: appUserRow,
  }),
  /** Sets a new password, unlocks, ends the user's sessions and forces a change at next sign-in. */
  'access.users.resetPassword': mutation({
    summary: 'Сбросить пароль пользователя',
    right: 'users.edit',
    entity: 'appUser',
    record: 'Сброс пароля',
    labels: ACCESS_LABELS,
    input: z.object({ id, password }).superRefine(passwordRule('password')),
    output: appUserRow,
  }),
  /** Lifts a lock after wrong passwords. */
  'access.users.unlock': mutation({
    summary: 'Разблокировать пользователя',
    right: 'users.edit',
    entity: 'appUser',
    input: z.object({ id }),
    output: appUserRow,
  }),
  /** Roles × rights: defaults from the work order and the current configuration. */
  'access.rights.matrix': query({
    summary: 'Права ролей',
    right: 'users.read',
    input: z.object({}).optional(),
    output: rightsMatrix,
  }),
  /** Grants or withdraws one right of one role. */
  'access.rights.setRole': mutation({
    summary: 'Изменить право роли',
    right: 'users.edit',
    entity: 'roleRight',
    input: z.object({ role: roleId, right: rightKey, granted: z.boolean() }),
    output: rightsMatrix,
  }),
  /** A personal grant or withdrawal on top of the user's roles, or back to what the roles give. */
  'access.rights.setUser': mutation({
    summary: 'Изменить право пользователя',
    right: 'users.edit',
    entity: 'userRight',
    input: z.object({ userId: id, right: rightKey, mode: z.enum(['default', 'grant', 'deny']) }),
    output: appUserRow,
  }),
  /** Session inactivity timeout and lock interval. */
  'access.settings.get': query({
    summary: 'Настройки входа',
    right: 'users.read',
    input: z.object({}).optional(),
    output: accessSettings,
  }),
  /** Saves the inactivity timeout and lock interval (they apply to the next call and next lock). */
  'access.settings.save': mutation({
    summary: 'Сохранить настройки входа',
    right: 'users.edit',
    entity: 'accessSettings',
    record: 'Настройки входа',
    labels: ACCESS_LABELS,
    input: accessSettings,
    output: accessSettings,
  }),
};
