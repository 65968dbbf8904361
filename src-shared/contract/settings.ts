import { z } from './zodRu';
import { mutation, query } from './define';
import { UPDATE_CHANNELS, UPDATE_MODES, feedUrlProblem } from '../domain/updates';
import { exportedFile } from './files';

/**
 * The program's own settings (issue 23, parts 3–5). What belongs to this computer — where backups
 * go, how the program updates itself — lives in the settings file of the data folder (the shell
 * reads it before any database opens); what belongs to the school — the first-run wizard's progress —
 * lives in the database.
 */
export const SETTINGS_LABELS = {
  backupDir: 'Папка резервных копий',
  'updates.mode': 'Проверка обновлений',
  'updates.channel': 'Канал обновлений',
  'updates.feedUrl': 'Адрес обновлений',
} as const;

export const localSettings = z
  .object({
    /** null: the data folder's `backups`. */
    backupDir: z.string().trim().min(1, 'укажите папку или оставьте поле пустым').max(500, 'путь не длиннее 500 символов').nullable(),
    updates: z.object({
      mode: z.enum(UPDATE_MODES),
      channel: z.enum(UPDATE_CHANNELS),
      feedUrl: z.string().trim().max(300, 'адрес не длиннее 300 символов').nullable(),
    }),
  })
  .superRefine((s, ctx) => {
    const url = s.updates.feedUrl;
    if (url) {
      const problem = feedUrlProblem(url);
      if (problem) ctx.addIssue({ code: 'custom', path: ['updates', 'feedUrl'], message: problem });
    } else if (s.updates.mode !== 'off') {
      ctx.addIssue({ code: 'custom', path: ['updates', 'feedUrl'], message: 'укажите адрес обновлений или выберите «Никогда»' });
    }
  });
export type LocalSettings = z.output<typeof localSettings>;

export const DATABASE_SOURCES = ['env', 'settings', 'default'] as const;
/** Why a start opens the database it opens. */
export const DATABASE_SOURCE_TITLES: Record<(typeof DATABASE_SOURCES)[number], string> = {
  env: 'задана переменной DATABASE_URL (она важнее файла настроек)',
  settings: 'выбрана в настройках программы',
  default: 'файл SQLite в папке данных',
};

const settingsView = z.object({
  appVersion: z.string(),
  dataDir: z.string(),
  settingsFile: z.string(),
  /** The database this run has open. */
  database: z.object({ kind: z.enum(['sqlite', 'postgres']), location: z.string() }),
  /**
   * The database the next start opens (DATABASE_URL > the saved server > the SQLite file);
   * `differs`: a restart changes the database. `problem`: the saved entry is damaged, and the
   * start will refuse until it is chosen again.
   */
  nextStart: z.object({
    kind: z.enum(['sqlite', 'postgres']),
    location: z.string(),
    source: z.enum(DATABASE_SOURCES),
    differs: z.boolean(),
    problem: z.string().nullable(),
  }),
  /** Where backups go now (the saved folder or the default). */
  backupDir: z.string(),
  /** The program's log: `school-office.log` and its rotated copies. */
  logsDir: z.string(),
  backupDirDefault: z.string(),
  saved: localSettings,
  /** The settings file could not be read: the defaults are shown and the next save rewrites it. */
  fileProblem: z.string().nullable(),
});
export type SettingsView = z.output<typeof settingsView>;

export const UPDATE_STATES = ['not-configured', 'up-to-date', 'available', 'failed'] as const;
const updateCheck = z.object({
  installed: z.string(),
  channel: z.enum(UPDATE_CHANNELS),
  feedUrl: z.string().nullable(),
  checkedAt: z.string(),
  state: z.enum(UPDATE_STATES),
  available: z
    .object({ version: z.string(), releaseDate: z.string().nullable(), notes: z.string().nullable(), file: z.string().nullable() })
    .nullable(),
  /** Russian sentence for the screen: what was found, or why nothing could be. */
  message: z.string(),
});
export type UpdateCheck = z.output<typeof updateCheck>;

export const SETUP_STEPS = ['school', 'year', 'classes', 'users'] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];
export const SETUP_STEP_TITLES: Record<SetupStep, string> = {
  school: 'Карточка школы',
  year: 'Учебный год',
  classes: 'Классы',
  users: 'Пользователи',
};

const setupState = z.object({
  current: z.enum(SETUP_STEPS),
  skipped: z.array(z.enum(SETUP_STEPS)).max(SETUP_STEPS.length),
  finished: z.boolean(),
});
const setupView = setupState.extend({
  /** No pupil in the database yet: the wizard offers «Загрузить демонстрационную школу». */
  demoAllowed: z.boolean(),
  steps: z.array(z.object({ key: z.enum(SETUP_STEPS), title: z.string(), done: z.boolean(), detail: z.string() })),
});
export type SetupView = z.output<typeof setupView>;

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export const LOG_LEVEL_TITLES: Record<(typeof LOG_LEVELS)[number], string> = { debug: 'Отладка', info: 'Сведения', warn: 'Предупреждение', error: 'Ошибка' };

const logTail = z.object({
  logsDir: z.string(),
  /** Bytes in all of the log's files together. */
  totalBytes: z.number().int(),
  lines: z.array(z.object({ at: z.string(), level: z.enum(LOG_LEVELS), message: z.string(), details: z.string() })),
});
export type LogTail = z.output<typeof logTail>;

const pgTarget = z.object({
  host: z.string().trim().min(1, 'укажите сервер').max(255),
  port: z.number().int().min(1, 'порт от 1 до 65535').max(65535, 'порт от 1 до 65535'),
  database: z.string().trim().min(1, 'укажите базу данных').max(63),
  user: z.string().trim().min(1, 'укажите пользователя').max(63),
  password: z.string().max(200),
});

export const settingsContract = {
  /** This computer's settings: data folder, database, backup folder, updates. */
  'system.settings.get': query({
    summary: 'Настройки программы',
    right: 'system.read',
    input: z.object({}).optional(),
    output: settingsView,
  }),
  /** Saves the settings file after checking the backup folder can be written; audited field by field. */
  'system.settings.save': mutation({
    summary: 'Изменить настройки программы',
    right: 'system.manage',
    entity: 'appSettings',
    record: 'Настройки программы',
    labels: SETTINGS_LABELS,
    input: localSettings,
    output: settingsView,
  }),
  /** Reads the update feed now (the channel's `latest.yml`) and compares it with the installed version. */
  'system.updates.check': query({
    summary: 'Проверить обновления',
    right: 'system.read',
    input: z.object({}).optional(),
    output: updateCheck,
  }),
  /** The newest lines of the program's log (newest first), at the given level or above. */
  'system.logs.read': query({
    summary: 'Журнал программы',
    right: 'system.logs',
    input: z.object({ limit: z.number().int().min(1).max(2000).default(500), minLevel: z.enum(LOG_LEVELS).default('info') }),
    output: logTail,
  }),
  /** The current log file as it is on disk, for sending to whoever maintains the program. */
  'system.logs.download': query({
    summary: 'Скачать журнал программы',
    right: 'system.logs',
    input: z.object({}).optional(),
    output: exportedFile,
  }),
  /** Writes the demonstration school (as `demo --without-timetable`) into a database without pupils; a job with progress and cancel. */
  'system.demo.load': mutation({
    summary: 'Загрузить демонстрационную школу',
    right: 'system.manage',
    entity: 'school',
    input: z.object({ jobId: z.string().max(64).optional() }),
    output: z.object({ staff: z.number().int(), classes: z.number().int(), pupils: z.number().int(), parents: z.number().int(), orders: z.number().int() }),
  }),
  /**
   * «Отменить» during the demo's load: its transaction rolls back, nothing is left. A query, not a
   * mutation: it writes nothing, and on SQLite an audit row could not be written anyway while the
   * load holds the write lock (the cancel would wait for the very transaction it stops).
   */
  'system.demo.cancel': query({
    summary: 'Отменить загрузку демонстрационной школы',
    right: 'system.manage',
    input: z.object({ jobId: z.string().min(1).max(64) }),
    output: z.object({ cancelled: z.boolean() }),
  }),
  /**
   * Tries one connection to a PostgreSQL server (5 s limit) and says in Russian what happened;
   * nothing is saved. The password is neither logged nor audited.
   */
  'system.database.test': query({
    summary: 'Проверить подключение к PostgreSQL',
    right: 'system.manage',
    input: pgTarget,
    output: z.object({ ok: z.boolean(), message: z.string(), serverVersion: z.string().nullable() }),
  }),
  /**
   * «Использовать при следующем запуске»: the PostgreSQL server (tested again here; a refusal changes
   * nothing) or «Вернуться к файлу SQLite», saved in the data folder's settings.json with the password
   * sealed. Takes effect at the next start, unless DATABASE_URL is set. Audited without the password.
   */
  'system.database.choose': mutation({
    summary: 'Выбрать базу данных для следующего запуска',
    right: 'system.manage',
    entity: 'appSettings',
    record: 'Подключение к базе данных',
    labels: { host: 'Сервер', port: 'Порт', database: 'База данных', user: 'Пользователь', password: 'Пароль', nextStart: 'База данных при следующем запуске' },
    input: z.discriminatedUnion('kind', [pgTarget.extend({ kind: z.literal('postgres') }), z.object({ kind: z.literal('sqlite') })]),
    output: settingsView,
  }),
  /** The first-run wizard: its steps, which are filled in already, where the administrator stopped. */
  'system.setup.get': query({
    summary: 'Первоначальная настройка',
    right: 'system.read',
    input: z.object({}).optional(),
    output: setupView,
  }),
  /** Remembers the wizard's step, the skipped steps and whether it is finished, so it resumes there. */
  'system.setup.save': mutation({
    summary: 'Сохранить ход первоначальной настройки',
    right: 'system.manage',
    entity: 'appSettings',
    record: 'Первоначальная настройка',
    labels: { current: 'Шаг', skipped: 'Пропущенные шаги', finished: 'Настройка завершена' },
    input: setupState,
    output: setupView,
  }),
};
