import { z } from './zodRu';
import { mutation, query } from './define';
import { exportedFile } from './files';

const statusOutput = z.object({
  appVersion: z.string(),
  database: z.object({
    kind: z.enum(['sqlite', 'postgres']),
    /** File path for SQLite, `host:port/db` for PostgreSQL (never the password). */
    location: z.string(),
    schemaVersion: z.string(),
    migrations: z.number().int(),
    /** The SQLite file is encrypted (SQLCipher); always false for PostgreSQL. */
    encrypted: z.boolean(),
  }),
  transport: z.enum(['in-process', 'ipc', 'http']),
  serverTime: z.string(),
});

export type SystemStatus = z.output<typeof statusOutput>;

export const BACKUP_KINDS = ['manual', 'daily', 'before-migration', 'before-restore', 'other'] as const;
const backupInfo = z.object({
  file: z.string(),
  /** The file's name inside the backup folder: what a restore names. */
  name: z.string(),
  kind: z.enum(BACKUP_KINDS),
  size: z.number(),
  createdAt: z.string(),
  verified: z.boolean(),
});
export type BackupInfo = z.output<typeof backupInfo>;

const backupSchedule = z.object({
  enabled: z.boolean(),
  keep: z.number().int('целое число').min(1, 'не меньше 1 копии').max(365, 'не больше 365 копий'),
});
const backupScheduleView = backupSchedule.extend({ lastDaily: backupInfo.nullable() });
export type BackupScheduleView = z.output<typeof backupScheduleView>;

export const systemContract = {
  /** Database kind, location and schema version; shown in the status bar. */
  'system.status': query({
    summary: 'Состояние программы и базы данных',
    right: null,
    input: z.object({}).optional(),
    output: statusOutput,
  }),
  /** Creates a verified backup of the database now (SQLite only), reporting progress events. */
  'system.backup.create': mutation({
    summary: 'Создать резервную копию',
    right: 'jobs.run',
    entity: 'backup',
    input: z.object({ jobId: z.string().min(1).max(100).optional() }).optional(),
    output: backupInfo,
  }),
  /** Backups present in the backup folder, newest first. */
  'system.backup.list': query({
    summary: 'Резервные копии',
    right: 'system.read',
    input: z.object({}).optional(),
    output: z.array(backupInfo),
  }),
  /**
   * Replaces the database with a backup from the backup folder (SQLite only): the backup is checked
   * first, the current database is copied aside, every user signs in again. Other calls wait for the
   * few seconds of the swap.
   */
  'system.backup.restore': mutation({
    summary: 'Восстановить базу из резервной копии',
    right: 'system.manage',
    entity: 'backup',
    record: 'Восстановление',
    labels: { name: 'Резервная копия' },
    input: z.object({ name: z.string().trim().min(1, 'выберите копию').max(255), jobId: z.string().min(1).max(100).optional() }),
    output: z.object({ restoredFrom: backupInfo, savedBefore: backupInfo, schemaVersion: z.string() }),
  }),
  /** Daily automatic backups: on or off, how many to keep, and the newest one. */
  'system.backup.schedule.get': query({
    summary: 'Расписание резервных копий',
    right: 'system.read',
    input: z.object({}).optional(),
    output: backupScheduleView,
  }),
  'system.backup.schedule.save': mutation({
    summary: 'Изменить расписание резервных копий',
    right: 'system.manage',
    entity: 'backup',
    record: 'Расписание резервных копий',
    labels: { enabled: 'Ежедневная копия', keep: 'Сколько копий хранить' },
    input: backupSchedule,
    output: backupScheduleView,
  }),
  /**
   * The data folder's keys in one file for the administrator to keep apart (issue 19, item 6): the
   * portal-passwords key and, for an encrypted database, its key. Audited; the file is as secret as
   * the database.
   */
  'system.keys.export': mutation({
    summary: 'Сохранить ключи шифрования в файл',
    right: 'system.manage',
    entity: 'backup',
    record: 'Ключи шифрования',
    input: z.object({}).optional(),
    output: exportedFile,
  }),
  /**
   * Loads a saved key file: its portal-passwords key is added beside the folder's own (never
   * replacing it), so letters sealed on another computer or in another data folder print here.
   */
  'system.keys.import': mutation({
    summary: 'Загрузить ключи шифрования из файла',
    right: 'system.manage',
    entity: 'backup',
    record: 'Ключи шифрования',
    labels: { contentBase64: 'Файл ключей' },
    input: z.object({ contentBase64: z.string().min(1, 'выберите файл ключей').max(64 * 1024, 'файл ключей не больше 48 КБ') }),
    output: z.object({
      portal: z.enum(['same', 'own', 'added', 'known']),
      portalKeyId: z.string(),
      database: z.enum(['none', 'same', 'other', 'written', 'not-needed']),
      message: z.string(),
    }),
  }),
};
