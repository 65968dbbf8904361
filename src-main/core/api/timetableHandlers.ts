import type { timetableContract } from '../../../src-shared/contract/timetable';
import { AppError } from '../../../src-shared/errors';
import { listAvailability, saveAvailability } from '../timetable/availabilityService';
import { deleteJoint, listJoints, saveJoint } from '../timetable/jointService';
import { listVersions, versionOnDate } from '../timetable/versionQueries';
import type { Handlers } from './types';

const notYet = (what: string) => async (): Promise<never> => {
  throw new AppError('VALIDATION', `«${what}» будет доступно в следующей сборке. Ничего не изменено.`);
};

/** Handlers only call the timetable services (src-main/core/timetable). */
export const timetableHandlers: Handlers<typeof timetableContract> = {
  'timetable.versions.list': async (input, ctx) => listVersions(ctx, input.yearId),
  'timetable.versions.onDate': async (input, ctx) => ({ version: await versionOnDate(ctx, input.date) }),
  'timetable.version.get': notYet('Просмотр версии расписания'),
  'timetable.version.figures': notYet('Показатели расписания'),
  'timetable.precheck': notYet('Проверка данных'),
  'timetable.version.create': notYet('Создание черновика'),
  'timetable.version.update': notYet('Изменение черновика'),
  'timetable.version.copy': notYet('Копирование версии'),
  'timetable.version.delete': notYet('Удаление черновика'),
  'timetable.version.approve': notYet('Утверждение'),
  'timetable.placements.update': notYet('Расстановка уроков'),
  'timetable.placements.lock': notYet('Закрепление уроков'),
  'timetable.generate.start': notYet('Составление расписания'),
  'timetable.generate.status': notYet('Ход составления'),
  'timetable.generate.cancel': notYet('Отмена составления'),
  'timetable.export': notYet('Выгрузка расписания'),
  'timetable.availability.list': async (input, ctx) => listAvailability(ctx, input.yearId),
  'timetable.availability.save': async (input, ctx) => saveAvailability(ctx, input),
  'timetable.joints.list': async (input, ctx) => listJoints(ctx, input.yearId),
  'timetable.joints.save': async (input, ctx) => saveJoint(ctx, input),
  'timetable.joints.delete': async (input, ctx) => deleteJoint(ctx, input),
};
