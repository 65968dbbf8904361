/**
 * The command line's grammar: every command with the options it accepts and its own help text. A
 * command is checked against it before it runs, so `--help` never starts work (it used to create a
 * demo database) and a mistyped option is refused instead of being ignored.
 */

interface OptionSpec {
  /** Takes a value (`--out ФАЙЛ` or `--out=ФАЙЛ`); otherwise a switch. */
  value?: string;
  help: string;
}

interface CommandSpec {
  usage: string;
  summary: string;
  /** Positional arguments the command takes (names for the usage line). */
  args: string[];
  options: Record<string, OptionSpec>;
}

const DATA: OptionSpec = { value: 'ПАПКА', help: 'папка данных (иначе SCHOOL_OFFICE_DATA или папка по умолчанию)' };

/** A command over the data folder: its positional arguments and `--data` only. */
const onData = (name: string, summary: string, args: string[] = []): CommandSpec => ({
  usage: [name, ...args, '[--data ПАПКА]'].join(' '),
  summary,
  args,
  options: { data: DATA },
});

export const COMMANDS: Record<string, CommandSpec> = {
  demo: {
    usage: 'demo [--out ФАЙЛ] [--seed N] [--force] [--without-timetable] [--data ПАПКА]',
    summary:
      'создать демонстрационную школу (1–11 классы, ~33 класса, ~800 обучающихся с родителями, ~70 сотрудников) с составленным и утверждённым расписанием. По умолчанию — в базе, которую открывает запуск программы: DATABASE_URL, иначе сервер PostgreSQL из «Настройки программы», иначе файл SQLite в папке данных (база должна быть пустой).',
    args: [],
    options: {
      out: { value: 'ФАЙЛ', help: 'файл SQLite для демонстрационной базы' },
      seed: { value: 'N', help: 'целое число: та же школа при том же N' },
      force: { help: 'заменить существующий файл --out' },
      'without-timetable': { help: 'не составлять расписание' },
      data: DATA,
    },
  },
  migrate: onData('migrate', 'обновить схему базы данных (перед обновлением файл SQLite копируется в папку backups)'),
  backup: onData('backup', 'сделать проверенную резервную копию файла SQLite в ПАПКА/backups'),
  restore: onData('restore', 'восстановить базу из резервной копии: только когда программа закрыта; копия проверяется (целостность, что это база «Школьного офиса», не новее программы), текущий файл сначала копируется в backups, замена — копией рядом и переименованием; все входят заново', ['ФАЙЛ']),
  status: onData('status', 'показать, какая база используется и версию схемы'),
  encrypt: onData('encrypt', 'зашифровать файл SQLite (SQLCipher 4): ключ — в ПАПКА/database.key (только владельцу); только когда программа закрыта; перед этим делается резервная копия'),
  decrypt: onData('decrypt', 'расшифровать базу обратно (ключ удаляется после проверки)'),
  'reset-password': onData('reset-password', 'задать пользователю (например, единственному администратору, забывшему пароль) случайный временный пароль; он будет показан один раз, при входе его нужно сменить', ['ЛОГИН']),
  help: { usage: 'help [КОМАНДА]', summary: 'эта справка или справка по команде', args: ['КОМАНДА'], options: {} },
};

export type Parsed =
  | { kind: 'run'; command: string; positional: string[]; flags: Record<string, string | true> }
  | { kind: 'help'; command: string | null }
  | { kind: 'error'; message: string };

const isHelp = (a: string): boolean => a === '--help' || a === '-h';

/** Help of one command: usage, what it does and each option. */
export function commandHelp(name: string): string {
  const spec = COMMANDS[name];
  const lines = [`Использование: school-office ${spec.usage}`, '', spec.summary];
  const opts = Object.entries(spec.options);
  if (opts.length) {
    lines.push('', 'Параметры:');
    for (const [key, o] of opts) lines.push(`  --${key}${o.value ? ` ${o.value}` : ''}`.padEnd(28) + o.help);
  }
  lines.push(`  --help, -h`.padEnd(28) + 'эта справка; команда не выполняется');
  return lines.join('\n');
}

/**
 * Reads argv against COMMANDS. `--help`/`-h` anywhere wins (the command is not run); an unknown
 * command or option, a missing or extra value is an error naming it.
 */
export function parseArgs(argv: string[]): Parsed {
  const first = argv.find((a) => !a.startsWith('-'));
  const command = first ?? null;
  if (command === null) return argv.length === 0 || argv.some(isHelp) ? { kind: 'help', command: null } : { kind: 'error', message: `Не указана команда. Справка: school-office --help` };
  const spec = COMMANDS[command];
  if (!spec) return { kind: 'error', message: `Неизвестная команда «${command}». Справка: school-office --help` };
  if (argv.some(isHelp)) return { kind: 'help', command: command === 'help' ? null : command };
  const flags: Record<string, string | true> = {};
  const positional: string[] = [];
  const rest = argv.slice(argv.indexOf(command) + 1);
  if (argv.indexOf(command) > 0) return { kind: 'error', message: `Параметр «${argv[0]}» указан до команды; пишите: school-office ${spec.usage}` };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (!a.startsWith('-')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const key = a.startsWith('--') ? a.slice(2, eq >= 0 ? eq : undefined) : '';
    const opt = key ? spec.options[key] : undefined;
    if (!opt) return { kind: 'error', message: `Команда ${command} не знает параметра «${eq >= 0 ? a.slice(0, eq) : a}». Справка: school-office ${command} --help` };
    if (key in flags) return { kind: 'error', message: `Параметр --${key} указан дважды.` };
    if (!opt.value) {
      if (eq >= 0) return { kind: 'error', message: `Параметр --${key} не принимает значения («${a}»).` };
      flags[key] = true;
    } else if (eq >= 0) {
      if (eq === a.length - 1) return { kind: 'error', message: `Для параметра --${key} не указано значение ${opt.value}.` };
      flags[key] = a.slice(eq + 1);
    } else {
      const next = rest[i + 1];
      if (next === undefined || next.startsWith('--')) return { kind: 'error', message: `Для параметра --${key} не указано значение ${opt.value}.` };
      flags[key] = next;
      i++;
    }
  }
  if (positional.length > spec.args.length) {
    return { kind: 'error', message: `Лишний аргумент «${positional[spec.args.length]}» у команды ${command}. Использование: school-office ${spec.usage}` };
  }
  if (command === 'help') return positional[0] && COMMANDS[positional[0]] ? { kind: 'help', command: positional[0] } : positional[0] ? { kind: 'error', message: `Неизвестная команда «${positional[0]}». Справка: school-office --help` } : { kind: 'help', command: null };
  return { kind: 'run', command, positional, flags };
}
