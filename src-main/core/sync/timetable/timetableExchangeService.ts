import type { ImportPreview } from '../../../../src-shared/contract/timetableExchange';
import { AppError } from '../../../../src-shared/errors';
import type { HandlerContext } from '../../foundation/context';
import type { ExportedFile } from '../../../../src-shared/contract/files';
import { schoolShortName } from '../../schoolSetup/index';
import { versionForExport } from '../../timetable/index';
import { ascRun } from './ascImport';
import { fetResultRun } from './fetExchange';
import { writeAsc } from './ascWrite';
import { applyImport, previewImport } from './importFlow';
import { portalTimetableRun, type PortalFile } from './portalPull';
import { lastPulledExportCm } from './repo/portalRefs';

/**
 * The timetable's exchange services the handlers call: the portal's current week and an aSc export
 * as a draft (preview, then apply in one transaction; the same file again is a no-op), a version as
 * aSc XML.
 */

export interface PortalInput {
  yearId: string;
  studyPeriodId: string | null;
  file: { fileName: string; contentBase64: string } | null;
}

async function portalFile(ctx: HandlerContext, input: PortalInput): Promise<PortalFile> {
  if (input.file) return { fileName: input.file.fileName, bytes: Buffer.from(input.file.contentBase64, 'base64') };
  const pulled = await lastPulledExportCm(ctx.core.db);
  if (!pulled) throw new AppError('VALIDATION', 'Загруженного из портала ExportCM.nsxml нет: выберите файл или загрузите его на вкладке «Обмен с порталом» → «Загрузка из портала».');
  return { fileName: pulled.fileName, bytes: pulled.bytes };
}

export async function previewPortalTimetable(ctx: HandlerContext, input: PortalInput): Promise<ImportPreview> {
  const file = await portalFile(ctx, input);
  return previewImport(ctx, portalTimetableRun(ctx, { yearId: input.yearId, studyPeriodId: input.studyPeriodId, file }));
}

export async function applyPortalTimetable(ctx: HandlerContext, input: PortalInput & { signature: string }) {
  const file = await portalFile(ctx, input);
  return applyImport(ctx, portalTimetableRun(ctx, { yearId: input.yearId, studyPeriodId: input.studyPeriodId, file }), input.signature);
}

export interface AscFileInput {
  yearId: string;
  studyPeriodId: string | null;
  file: { fileName: string; contentBase64: string };
}

function ascOf(ctx: HandlerContext, input: AscFileInput) {
  return ascRun(ctx, { yearId: input.yearId, studyPeriodId: input.studyPeriodId, fileName: input.file.fileName, bytes: Buffer.from(input.file.contentBase64, 'base64') });
}

export async function previewAscTimetable(ctx: HandlerContext, input: AscFileInput): Promise<ImportPreview> {
  return previewImport(ctx, ascOf(ctx, input));
}

export async function applyAscTimetable(ctx: HandlerContext, input: AscFileInput & { signature: string }) {
  return applyImport(ctx, ascOf(ctx, input), input.signature);
}

/** A version as aSc Timetables XML; the dispatcher records the export (it names teachers). */
export async function exportAscTimetable(ctx: HandlerContext, versionId: string): Promise<ExportedFile> {
  const v = await versionForExport(ctx, versionId);
  const bytes = writeAsc(v, await schoolShortName(ctx.core.db));
  const fileName = `${v.row.name} (aSc).xml`.replace(/[\\/:*?"<>|]/g, '_');
  return { fileName, mimeType: 'application/xml; charset=utf-8', contentBase64: bytes.toString('base64'), rows: v.placements.length };
}

export interface FetFileInput {
  versionId: string;
  file: { fileName: string; contentBase64: string };
}

function fetOf(ctx: HandlerContext, input: FetFileInput) {
  return fetResultRun(ctx, { versionId: input.versionId, fileName: input.file.fileName, bytes: Buffer.from(input.file.contentBase64, 'base64') });
}

// Outside the import's transaction: on SQLite a read on the core's connection inside it would wait for itself.
export async function previewFetResult(ctx: HandlerContext, input: FetFileInput): Promise<ImportPreview> {
  await versionForExport(ctx, input.versionId);
  return previewImport(ctx, fetOf(ctx, input));
}

export async function applyFetResult(ctx: HandlerContext, input: FetFileInput & { signature: string }) {
  await versionForExport(ctx, input.versionId);
  return applyImport(ctx, fetOf(ctx, input), input.signature);
}
