import { z } from './zodRu';
import { mutation, query } from './define';

const statusOutput = z.object({
  appVersion: z.string(),
  database: z.object({
    kind: z.enum(['sqlite', 'postgres']),
    /** File path for SQLite, `host:port/db` for PostgreSQL (never the password). */
    location: z.string(),
    schemaVersion: z.string(),
    migrations: z.number().int(),
  }),
  transport: z.enum(['in-process', 'ipc', 'http']),
  serverTime: z.string(),
});

export type SystemStatus = z.output<typeof statusOutput>;

const backupInfo = z.object({ file: z.string(), size: z.number(), createdAt: z.string(), verified: z.boolean() });
export type BackupInfo = z.output<typeof backupInfo>;

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
};
