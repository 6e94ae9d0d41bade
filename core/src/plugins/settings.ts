import Boom from '@hapi/boom';
import type { PluginManifest } from '@preau/sdk';
import type { ValidateFunction } from 'ajv';

import type { CoreContext } from '../context.js';
import { createValidator, explainErrors } from '../http/validation.js';
import { PluginLoadError } from './load.js';

/** What a secret setting looks like when sent out; sent back unchanged, it keeps the stored value. */
export const SECRET_MASK = '********';

/** `plugin_settings.ecole_id` of the platform-wide row. */
export const PLATFORM = 0;

/** Who changes settings, for the audit log. */
export interface SettingsActor {
  personId: number;
  ip: string | null;
  collectiviteId: number | null;
}

/**
 * Plugins' settings: a platform row (ecole_id 0) overlaid by each école's own row, both checked
 * against the JSON Schema of the manifest's `settings` when written. Secret settings
 * (manifest `secretSettings`) are only ever read server side; what goes out is masked.
 */
export class PluginSettingsStore {
  private readonly validators = new Map<string, Validators>();

  constructor(private readonly ctx: CoreContext) {}

  /** Compiles a plugin's settings schema; throws when the schema itself is unusable. */
  prepare(manifest: PluginManifest): void {
    if (!manifest.settings) return;
    try {
      // Two compilations of one schema: ajv refuses a second schema with the same $id.
      const partial = { ...manifest.settings };
      delete partial.required;
      delete partial.$id;
      this.validators.set(manifest.id, {
        full: createValidator(manifest.settings),
        partial: createValidator(partial),
      });
    } catch (error) {
      throw new PluginLoadError(
        `son schéma de réglages est invalide (${(error as Error).message})`,
      );
    }
  }

  /** Drops what `prepare` compiled for a plugin that was refused after all. */
  forget(pluginId: string): void {
    this.validators.delete(pluginId);
  }

  /** The settings in force for an école: schema defaults, then platform, then école values. */
  async effective(manifest: PluginManifest, ecoleId: number): Promise<Record<string, unknown>> {
    const rows = await this.ctx.sql.all<{ ecole_id: number; settings: string }>(
      'SELECT ecole_id, settings FROM plugin_settings WHERE plugin_id = ? AND ecole_id IN (?, ?)',
      [manifest.id, PLATFORM, ecoleId],
    );
    const level = (id: number) => parse(rows.find((row) => Number(row.ecole_id) === id)?.settings);
    const merged = { ...level(PLATFORM), ...(ecoleId === PLATFORM ? {} : level(ecoleId)) };
    // Run for its side effect: ajv's useDefaults fills in what the schema gives defaults for.
    this.validators.get(manifest.id)?.partial(merged);
    return merged;
  }

  /** One level's own values (PLATFORM or an école), secrets included: server side only. */
  async own(pluginId: string, ecoleId: number): Promise<Record<string, unknown>> {
    const row = await this.ctx.sql.first<{ settings: string }>(
      'SELECT settings FROM plugin_settings WHERE plugin_id = ? AND ecole_id = ?',
      [pluginId, ecoleId],
    );
    return parse(row?.settings);
  }

  /**
   * Replaces one level's values after checking them: an école's, merged over the platform's,
   * must satisfy the whole schema; the platform's alone, the schema without `required`. A secret
   * sent back as SECRET_MASK keeps its stored value. 400 naming the field otherwise.
   */
  async write(
    manifest: PluginManifest,
    ecoleId: number,
    values: Record<string, unknown>,
    actor: SettingsActor,
  ): Promise<Record<string, unknown>> {
    const validators = this.validators.get(manifest.id);
    if (!validators) {
      if (Object.keys(values).length === 0) return {};
      throw Boom.badRequest(`Le plugin « ${manifest.id} » n’a pas de réglages.`);
    }
    const stored = await this.own(manifest.id, ecoleId);
    const next = { ...values };
    for (const secret of manifest.secretSettings ?? []) {
      if (next[secret] !== SECRET_MASK) continue;
      if (secret in stored) next[secret] = stored[secret];
      else delete next[secret];
    }
    const checked =
      ecoleId === PLATFORM
        ? structuredClone(next)
        : { ...(await this.own(manifest.id, PLATFORM)), ...structuredClone(next) };
    const validate = ecoleId === PLATFORM ? validators.partial : validators.full;
    if (!validate(checked)) {
      const problems = explainErrors(validate.errors);
      const error = Boom.badRequest(
        `Réglages invalides : ${problems.map((p) => `${p.field} : ${p.message}`).join(' ; ')}`,
      );
      (error.output.payload as unknown as Record<string, unknown>).problems = problems;
      throw error;
    }
    await this.ctx.knex.transaction(async (trx) => {
      await trx('plugin_settings')
        .insert({ plugin_id: manifest.id, ecole_id: ecoleId, settings: JSON.stringify(next) })
        .onConflict(['plugin_id', 'ecole_id'])
        .merge(['settings']);
      await this.ctx.audit.record(
        {
          action: 'plugin.settings-changed',
          actorId: actor.personId,
          collectiviteId: actor.collectiviteId,
          ecoleId: ecoleId === PLATFORM ? null : ecoleId,
          target: manifest.id,
          ip: actor.ip,
          // Which fields, never their values: some are secrets.
          details: { fields: Object.keys(next).sort().join(', ').slice(0, 500) },
        },
        trx,
      );
    });
    return next;
  }
}

/** Values as they may leave the server: every secret that is set replaced by SECRET_MASK. */
export function maskSecrets(
  manifest: PluginManifest,
  values: Record<string, unknown>,
): Record<string, unknown> {
  const masked = { ...values };
  for (const secret of manifest.secretSettings ?? []) {
    if (secret in masked) masked[secret] = SECRET_MASK;
  }
  return masked;
}

// Module-private helpers.

interface Validators {
  full: ValidateFunction;
  partial: ValidateFunction;
}

function parse(json: string | undefined): Record<string, unknown> {
  if (!json) return {};
  const value = JSON.parse(json) as unknown;
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
