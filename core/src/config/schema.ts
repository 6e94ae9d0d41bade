import type { Schema } from 'ajv';

/** Préau's whole configuration, after the file and the environment are merged and validated. */
export interface PreauConfig {
  /** `trustProxy`: read the client's address from X-Forwarded-For (behind a reverse proxy only). */
  server: { host: string; port: number; publicUrl: string; trustProxy: boolean };
  /** `sqlite:<path>` (embedded default), `sqlite::memory:` or `mysql://user:pass@host:port/db`. */
  database: { url: string };
  /** Where the embedded database and local files live. */
  dataDir: string;
  log: { level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' };
  sessions: {
    cookieName: string;
    /** A session unused for this long ends. */
    idleMinutes: number;
    /** A session ends this long after login, used or not. */
    absoluteHours: number;
    /** Send the cookie only over HTTPS; on by default outside localhost. */
    secureCookie: boolean;
  };
  /** Failed logins allowed within `windowMinutes` before login answers 429 (ADR 0014). */
  throttle: {
    /** Untrusted attempts (no device cookie) on one account, from every address together. */
    maxFailuresPerLogin: number;
    /** Untrusted attempts on one account from one address. */
    maxFailuresPerLoginAndIp: number;
    /** Untrusted attempts from one address on any account (a school's NAT: keep it high). */
    maxFailuresPerIp: number;
    /** Attempts from a browser trusted for that account (device cookie), on its own budget. */
    maxFailuresPerDevice: number;
    windowMinutes: number;
    /** The first lock; a streak doubles it up to `maxLockMinutes` (never for the account). */
    lockMinutes: number;
    maxLockMinutes: number;
  };
  passwords: {
    /** CNIL 2022-100 case 2: with throttling, 50 bits suffice for ordinary adult accounts. */
    minEntropyBits: number;
    /** Administrators' accounts need the 80 bits of CNIL case 1. */
    privilegedMinEntropyBits: number;
  };
  /** Plugin packages to load: npm package names or paths to plugin folders. */
  plugins: string[];
  dashboard: { widgetTimeoutMs: number };
  branding: { name: string; accentColor: string; logoUrl: string | null };
  /**
   * E-mail to people. `smtpUrl`: `smtp://user:pass@host:587` or `smtps://…:465`; null (the
   * embedded default) sends nothing over the network and writes each message as an .eml file in
   * `<dataDir>/outbox/`. `from`: the sender of every message, « Nom <adresse> ».
   */
  mail: { smtpUrl: string | null; from: string };
}

// Typed loosely: ajv's JSONSchemaType cannot express the nullable logo URL.
export const configSchema: Schema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'server',
    'database',
    'dataDir',
    'log',
    'sessions',
    'throttle',
    'passwords',
    'plugins',
    'dashboard',
    'branding',
    'mail',
  ],
  properties: {
    server: {
      type: 'object',
      additionalProperties: false,
      required: ['host', 'port', 'publicUrl', 'trustProxy'],
      properties: {
        host: { type: 'string', minLength: 1 },
        trustProxy: { type: 'boolean' },
        port: { type: 'integer', minimum: 0, maximum: 65535 },
        publicUrl: { type: 'string', format: 'uri' },
      },
    },
    database: {
      type: 'object',
      additionalProperties: false,
      required: ['url'],
      properties: { url: { type: 'string', pattern: '^(sqlite:|mysql://|mariadb://)' } },
    },
    dataDir: { type: 'string', minLength: 1 },
    log: {
      type: 'object',
      additionalProperties: false,
      required: ['level'],
      properties: {
        level: {
          type: 'string',
          enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
        },
      },
    },
    sessions: {
      type: 'object',
      additionalProperties: false,
      required: ['cookieName', 'idleMinutes', 'absoluteHours', 'secureCookie'],
      properties: {
        cookieName: { type: 'string', pattern: '^[A-Za-z0-9_-]+$' },
        idleMinutes: { type: 'number', exclusiveMinimum: 0 },
        absoluteHours: { type: 'number', exclusiveMinimum: 0 },
        secureCookie: { type: 'boolean' },
      },
    },
    throttle: {
      type: 'object',
      additionalProperties: false,
      required: [
        'maxFailuresPerLogin',
        'maxFailuresPerLoginAndIp',
        'maxFailuresPerIp',
        'maxFailuresPerDevice',
        'windowMinutes',
        'lockMinutes',
        'maxLockMinutes',
      ],
      properties: {
        maxFailuresPerLogin: { type: 'integer', minimum: 1 },
        maxFailuresPerLoginAndIp: { type: 'integer', minimum: 1 },
        maxFailuresPerIp: { type: 'integer', minimum: 1 },
        maxFailuresPerDevice: { type: 'integer', minimum: 1 },
        maxLockMinutes: { type: 'number', exclusiveMinimum: 0 },
        windowMinutes: { type: 'number', exclusiveMinimum: 0 },
        lockMinutes: { type: 'number', exclusiveMinimum: 0 },
      },
    },
    passwords: {
      type: 'object',
      additionalProperties: false,
      required: ['minEntropyBits', 'privilegedMinEntropyBits'],
      properties: {
        minEntropyBits: { type: 'number', minimum: 50 },
        privilegedMinEntropyBits: { type: 'number', minimum: 80 },
      },
    },
    plugins: { type: 'array', items: { type: 'string', minLength: 1 } },
    dashboard: {
      type: 'object',
      additionalProperties: false,
      required: ['widgetTimeoutMs'],
      properties: { widgetTimeoutMs: { type: 'integer', minimum: 50, maximum: 60000 } },
    },
    branding: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'accentColor', 'logoUrl'],
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 80 },
        accentColor: { type: 'string', pattern: '^#[0-9a-fA-F]{6}$' },
        logoUrl: { type: ['string', 'null'] },
      },
    },
    mail: {
      type: 'object',
      additionalProperties: false,
      required: ['smtpUrl', 'from'],
      properties: {
        smtpUrl: { type: ['string', 'null'], pattern: '^smtps?://[^\\s]+$' },
        // « Nom <adresse@domaine> » or a bare address; nodemailer parses it.
        from: { type: 'string', minLength: 3, maxLength: 254, pattern: '^[^\\r\\n]*@[^\\r\\n]+$' },
      },
    },
  },
};
