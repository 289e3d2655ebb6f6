import { pino, type Logger, type LoggerOptions } from 'pino';

export type { Logger };

const REDACT = ['req.headers.authorization', 'req.headers.cookie', 'password', 'token', '*.password', '*.token'];

/** JSON lines in production; human-readable when a person is watching a terminal. */
export function createLogger(opts: { level?: string; pretty?: boolean } = {}): Logger {
  const options: LoggerOptions = {
    level: opts.level ?? process.env.TOCSIN_LOG_LEVEL ?? 'info',
    redact: { paths: REDACT, censor: '[redacted]' },
    base: { service: 'tocsin' },
  };
  const pretty = opts.pretty ?? (process.stdout.isTTY && process.env.NODE_ENV !== 'production');
  if (pretty) {
    return pino({ ...options, transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l' } } });
  }
  return pino(options);
}

export const silentLogger: Logger = pino({ level: 'silent' });
