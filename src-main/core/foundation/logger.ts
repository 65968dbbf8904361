/**
 * The one logger of the core. The default sink writes JSON lines to stderr; the Electron shell
 * swaps in electron-log, tests swap in a silent or collecting sink.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogSink = (level: LogLevel, message: string, data?: Record<string, unknown>) => void;

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(message: string, data?: Record<string, unknown>): void;
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

export const stderrSink: LogSink = (level, message, data) => {
  process.stderr.write(`${JSON.stringify({ t: new Date().toISOString(), level, message, ...data })}\n`);
};

export const silentSink: LogSink = () => undefined;

export function createLogger(sink: LogSink = stderrSink, minLevel: LogLevel = 'info'): Logger {
  const log = (level: LogLevel) => (message: string, data?: Record<string, unknown>) => {
    if (ORDER[level] >= ORDER[minLevel]) sink(level, message, data);
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
