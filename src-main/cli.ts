import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../src-shared/errors';
import { defaultDataDir } from './core/foundation/paths';
import { COMMANDS, commandHelp, parseArgs } from './cliArgs';

/** The overview: every command's usage and summary, from the same table `--help` of a command uses. */
function overview(): string {
  const lines = ['Школьный офис — командная строка', '', 'Использование: school-office <команда> [параметры]', '', 'Команды:'];
  for (const spec of Object.values(COMMANDS)) lines.push(`  ${spec.usage}`, `        ${spec.summary}`);
  lines.push(
    '',
    'Справка по команде: school-office <команда> --help (команда при этом не выполняется).',
    `Папка данных по умолчанию: ${defaultDataDir()}`,
    '(задаётся параметром --data или переменной SCHOOL_OFFICE_DATA). База: DATABASE_URL, иначе сервер PostgreSQL',
    'из «Настройки программы» (settings.json папки данных), иначе файл SQLite в папке данных.',
  );
  return lines.join('\n');
}

function out(text: string): void {
  process.stdout.write(`${text}\n`);
}

export async function runCli(argv: string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.kind === 'help') {
    out(parsed.command ? commandHelp(parsed.command) : overview());
    return 0;
  }
  if (parsed.kind === 'error') {
    process.stderr.write(`${parsed.message}\n`);
    return 2;
  }
  const { command, positional, flags } = parsed;
  try {
    const { runCommand } = await import('./cliCommands');
    return await runCommand(command, positional, flags);
  } catch (err) {
    process.stderr.write(`Ошибка: ${err instanceof AppError ? err.message : String((err as Error)?.stack ?? err)}\n`);
    return 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  void runCli(args).then((code) => process.exit(code));
}
