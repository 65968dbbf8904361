import type { PreviewAction, PreviewEntity } from '../../../src-shared/contract/exchange';

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
  previewed: { text: 'предпросмотр', color: 'default' },
  applied: { text: 'применена', color: 'green' },
  cancelled: { text: 'отменена', color: 'default' },
  ready: { text: 'готов к загрузке в портал', color: 'gold' },
  imported: { text: 'загружен в портал', color: 'blue' },
  confirmed: { text: 'подтверждён загрузкой из портала', color: 'green' },
};
