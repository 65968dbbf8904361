import { contract } from './index';

/** Audit rows written outside the dispatcher carry a method name that is not a contract method. */
const OTHER_OPERATIONS: Record<string, string> = {
  'access.session': 'Сеанс работы',
  demo: 'Демонстрационные данные',
};

/**
 * The Russian name of the operation an audit row came from (the contract method's `summary`), for the
 * log's Excel «Операция» column: an office reader is shown «Изменить карточку обучающегося», never
 * `people.pupils.update`. A method the app no longer has (an older row) reads «Служебная операция».
 */
export function operationTitle(method: string): string {
  const def = (contract as Record<string, { summary?: string } | undefined>)[method];
  return def?.summary ?? OTHER_OPERATIONS[method] ?? 'Служебная операция';
}
