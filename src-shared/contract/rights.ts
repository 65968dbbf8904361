/**
 * Rights a contract method can require. The access issue attaches them to roles; the dispatcher
 * checks them, never only the UI.
 */
export const RIGHTS = {
  'school.read': 'Просмотр карточки ОО',
  'school.edit': 'Редактирование карточки ОО',
  'system.read': 'Просмотр состояния системы',
  'jobs.run': 'Запуск длительных операций',
} as const;

export type Right = keyof typeof RIGHTS;
