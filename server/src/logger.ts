import type { FastifyServerOptions } from 'fastify';
import { stdSerializers, type DestinationStream, type LoggerOptions } from 'pino';

/**
 * Keys whose values are personal data wherever they appear in a logged object.
 * Listed at several depths because pino's redaction matches fixed paths, not any depth.
 */
export const personalKeys = [
  'firstName',
  'lastName',
  'fullName',
  'reporterName',
  'babyFirstName',
  'babyLastName',
  'otherNames',
  'dateOfBirth',
  'dateOfDeath',
  'nhsNumber',
  'niNumber',
  'nationalInsuranceNumber',
  'address',
  'addressLine1',
  'postcode',
  'email',
  'phone',
  'answers',
  'body',
  'payload',
] as const;

const secretPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["idempotency-key"]',
  'res.headers["set-cookie"]',
];

function redactPaths(): string[] {
  const paths = [...secretPaths];
  for (const key of personalKeys) {
    paths.push(key, `*.${key}`, `*.*.${key}`, `*.*.*.${key}`);
  }
  return paths;
}

/** Query strings can carry postcodes or names from look-ups: log the path and the parameter names only. */
export function scrubUrl(url: string): string {
  const question = url.indexOf('?');
  if (question === -1) return url;
  const params = new URLSearchParams(url.slice(question + 1));
  const names = [...new Set(params.keys())].map((key) => `${key}=[redacted]`);
  return `${url.slice(0, question)}?${names.join('&')}`;
}

/** pino options shared by the API and the worker: redaction of personal data, scrubbed URLs. */
export function loggerOptions(level: string): LoggerOptions & NonNullable<FastifyServerOptions['logger']> {
  return {
    level,
    redact: { paths: redactPaths(), censor: '[redacted]' },
    serializers: {
      // Postgres errors quote the offending data in `detail`, `where` and the query's parameters.
      err(error: Error) {
        const {
          detail: _detail,
          where: _where,
          internalQuery: _query,
          parameters: _parameters,
          hint: _hint,
          ...kept
        } = stdSerializers.err(error);
        return kept;
      },
      req(request: { method: string; url: string; id: string }) {
        return { method: request.method, url: scrubUrl(request.url), id: request.id };
      },
    },
  };
}

/**
 * Where log lines go: standard output as JSON, or through pino-pretty as readable lines. pino-pretty
 * is a development dependency: without it (a production install) the lines stay JSON, and say so.
 */
export async function logDestination(format: 'pretty' | 'json'): Promise<DestinationStream> {
  if (format === 'json') return process.stdout;
  try {
    const { default: pretty } = await import('pino-pretty');
    return pretty({
      colorize: process.stdout.isTTY,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname',
      // Written as they come, so the last lines before a stop are never lost.
      sync: true,
    });
  } catch {
    process.stdout.write('[tell-us-once] LOG_FORMAT=pretty needs pino-pretty (npm install): logging JSON instead.\n');
    return process.stdout;
  }
}
