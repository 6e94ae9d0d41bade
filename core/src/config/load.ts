import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { createValidator, describeErrors } from '../http/validation.js';
import { configSchema, type PreauConfig } from './schema.js';

/** Raised when the configuration cannot be used; its message tells what to change and where. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** A partial configuration, as written in `preau.config.json` or passed by tests. */
export type ConfigInput = { [K in keyof PreauConfig]?: Partial<PreauConfig[K]> | PreauConfig[K] };

export interface LoadConfigOptions {
  /** Directory that relative paths (data dir, config file) are resolved against. */
  cwd?: string;
  /** Environment to read; defaults to `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Values that win over the file and the environment (tests, CLI flags). */
  overrides?: ConfigInput;
}

/**
 * Builds the configuration from defaults, then `preau.config.json` (or the file named by
 * PREAU_CONFIG), then the environment, then explicit overrides; validates the result.
 */
export function loadConfig(options: LoadConfigOptions = {}): PreauConfig {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const fromFile = readConfigFile(cwd, env);
  const merged = mergeDeep(
    mergeDeep(mergeDeep(defaults(), fromFile), fromEnvironment(env)),
    options.overrides ?? {},
  ) as Record<string, unknown>;

  const dataDir = resolve(cwd, String(merged.dataDir));
  merged.dataDir = dataDir;
  const database = merged.database as { url?: string };
  database.url ??= `sqlite:${resolve(dataDir, 'preau.sqlite')}`;
  const server = merged.server as { host: string; port: number; publicUrl?: string };
  server.publicUrl ??= `http://localhost:${server.port}`;
  const sessions = merged.sessions as { secureCookie?: boolean };
  sessions.secureCookie ??= server.publicUrl.startsWith('https:');
  const mail = merged.mail as { smtpUrl?: string | null; from?: string };
  mail.smtpUrl ??= null;
  mail.from ??= defaultSender(server.publicUrl);

  if (!internals.validate(merged)) {
    throw new ConfigError(
      `Configuration invalide : ${describeErrors(internals.validate.errors)}. ` +
        'Corrigez preau.config.json ou les variables d’environnement.',
    );
  }
  return merged;
}

function defaults(): ConfigInput {
  return {
    server: { host: '0.0.0.0', port: 3000, trustProxy: false },
    dataDir: './data',
    database: {},
    log: { level: 'info' },
    sessions: { cookieName: 'preau_sid', idleMinutes: 120, absoluteHours: 12 },
    throttle: {
      maxFailuresPerLogin: 10,
      maxFailuresPerLoginAndIp: 5,
      maxFailuresPerIp: 500,
      maxFailuresPerDevice: 5,
      windowMinutes: 15,
      lockMinutes: 15,
      maxLockMinutes: 60,
    },
    passwords: { minEntropyBits: 50, privilegedMinEntropyBits: 80 },
    plugins: [],
    dashboard: { widgetTimeoutMs: 2000 },
    branding: { name: 'Préau', accentColor: '#1f5fa8', logoUrl: null },
    mail: {},
  };
}

/** « Préau <ne-pas-repondre@host> », host taken from the public address (localhost by default). */
function defaultSender(publicUrl: string): string {
  let host = 'localhost';
  try {
    host = new URL(publicUrl).hostname || host;
  } catch {
    // An invalid public URL is reported by the schema check below.
  }
  return `Préau <ne-pas-repondre@${host}>`;
}

function readConfigFile(cwd: string, env: NodeJS.ProcessEnv): ConfigInput {
  const named = env.PREAU_CONFIG || undefined;
  const path = resolve(cwd, named ?? 'preau.config.json');
  if (!existsSync(path)) {
    if (named) throw new ConfigError(`Fichier de configuration introuvable : ${path}`);
    return {};
  }
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as ConfigInput;
  } catch (error) {
    throw new ConfigError(`${path} n’est pas du JSON valide : ${(error as Error).message}`);
  }
}

function fromEnvironment(env: NodeJS.ProcessEnv): ConfigInput {
  const config: Record<string, Record<string, unknown> | unknown> = {};
  const set = (section: string, key: string, value: unknown) => {
    const target = (config[section] ??= {}) as Record<string, unknown>;
    target[key] = value;
  };
  if (env.PORT !== undefined) set('server', 'port', toNumber('PORT', env.PORT));
  if (env.HOST !== undefined) set('server', 'host', env.HOST);
  if (env.PREAU_PUBLIC_URL !== undefined) set('server', 'publicUrl', env.PREAU_PUBLIC_URL);
  if (env.PREAU_TRUST_PROXY !== undefined)
    set('server', 'trustProxy', env.PREAU_TRUST_PROXY === 'true');
  if (env.DATABASE_URL !== undefined) set('database', 'url', env.DATABASE_URL);
  if (env.LOG_LEVEL !== undefined) set('log', 'level', env.LOG_LEVEL);
  if (env.PREAU_DATA_DIR !== undefined) config.dataDir = env.PREAU_DATA_DIR;
  // An empty PREAU_SMTP_URL means « no SMTP server »: messages go to the local outbox.
  if (env.PREAU_SMTP_URL !== undefined) set('mail', 'smtpUrl', env.PREAU_SMTP_URL || null);
  if (env.PREAU_MAIL_FROM !== undefined) set('mail', 'from', env.PREAU_MAIL_FROM);
  if (env.PREAU_PLUGINS !== undefined) {
    config.plugins = env.PREAU_PLUGINS.split(',')
      .map((name) => name.trim())
      .filter(Boolean);
  }
  return config;
}

function toNumber(name: string, value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number))
    throw new ConfigError(`${name} doit être un nombre (reçu « ${value} »)`);
  return number;
}

function mergeDeep(base: unknown, extra: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(extra)) return extra === undefined ? base : extra;
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(extra)) result[key] = mergeDeep(base[key], value);
  return result;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const internals = {
  validate: createValidator<PreauConfig>(configSchema),
};
