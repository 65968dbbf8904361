export * from './dates';
export * from './productionCalendar';
export * from './schoolCalendar';
