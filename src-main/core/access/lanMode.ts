import { activeAdminIds } from './repo/users';
import type { Executor } from '../foundation/executor';

export type LanDecision = { allowed: true; warning: string } | { allowed: false; reason: string };

/**
 * Serving on a non-loopback address hands personal data to the school network. It is allowed only
 * once an administrator exists (so every request needs a password) and always with a warning.
 */
export async function decideLanMode(db: Executor, host: string, port: number | string): Promise<LanDecision> {
  if ((await activeAdminIds(db)).length === 0) {
    return {
      allowed: false,
      reason:
        `Отказ: адрес ${host} открывает персональные данные в локальной сети, а администратор программы ещё не создан — ` +
        'вход по паролю не настроен. Запустите программу без --host (только этот компьютер), создайте администратора ' +
        'на первом экране и перезапустите с --host.',
    };
  }
  return {
    allowed: true,
    warning:
      `ВНИМАНИЕ: программа доступна в локальной сети (адрес ${host}, порт ${port}). Через сеть передаются персональные ` +
      'данные обучающихся, родителей и сотрудников (152-ФЗ): вход только по паролю, но трафик не шифруется. ' +
      'Открывайте доступ только в сети школы, закрытой от интернета, и только на время работы.',
  };
}
