import type { PreviewAction, PreviewEntity } from '../../../src-shared/contract/exchange';
import { EXCHANGE_STATUSES } from '../../../src-shared/domain/auditLabels';

/** Russian words of the exchange screens. */
export const ACTION_LABELS: Record<PreviewAction, string> = {
  create: 'Будет создано',
  update: 'Будет изменено',
  unchanged: 'Без изменений',
  rejected: 'Отклонено',
  ambiguous: 'Нужно решение',
};

export const ACTION_COLORS: Record<PreviewAction, string> = { create: 'green', update: 'blue', unchanged: 'default', rejected: 'red', ambiguous: 'orange' };

export const ENTITY_LABELS: Record<PreviewEntity, string> = {
  pupil: 'Обучающийся',
  parent: 'Родитель',
  staff: 'Сотрудник',
  link: 'Связь родитель — ребёнок',
  membership: 'Класс обучающегося',
  account: 'Учётная запись портала',
  class: 'Класс',
  subject: 'Предмет',
  room: 'Кабинет',
  bells: 'Звонки',
  assignment: 'Нагрузка',
  curriculum: 'Учебный план',
  movementDoc: 'Строка книги движения портала',
  order: 'Приказ книги движения',
  bellLesson: 'Урок в расписании звонков',
  subgroup: 'Подгруппа',
  jointGroup: 'Сводная группа (несколько классов)',
  qualification: 'Учитель — предмет',
  curriculumRow: 'Строка учебного плана',
};

export const CONFIDENCE_LABELS: Record<string, { text: string; color: string }> = {
  high: { text: 'формат подтверждён кодом портала', color: 'green' },
  medium: { text: 'формат частично подтверждён — проверьте результат', color: 'gold' },
  low: { text: 'формат восстановлен по описаниям — проверьте результат', color: 'orange' },
};

export const STATUS_LABELS: Record<string, { text: string; color: string }> = {
  previewed: { text: EXCHANGE_STATUSES.previewed, color: 'default' },
  applied: { text: EXCHANGE_STATUSES.applied, color: 'green' },
  cancelled: { text: EXCHANGE_STATUSES.cancelled, color: 'default' },
  ready: { text: EXCHANGE_STATUSES.ready, color: 'gold' },
  imported: { text: EXCHANGE_STATUSES.imported, color: 'blue' },
  confirmed: { text: EXCHANGE_STATUSES.confirmed, color: 'green' },
};
