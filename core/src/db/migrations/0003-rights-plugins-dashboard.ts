import type { Knex } from 'knex';

/** Rights overrides, communication rules, plugin enablement and settings, dashboard layouts. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('permission_overrides', (t) => {
    t.integer('ecole_id').unsigned().notNullable().references('ecoles.id').onDelete('CASCADE');
    t.string('profile', 8).notNullable();
    t.string('permission', 160).notNullable();
    t.boolean('granted').notNullable();
    t.primary(['ecole_id', 'profile', 'permission']);
  });
  await knex.schema.createTable('communication_rules', (t) => {
    t.increments('id');
    t.integer('ecole_id').unsigned().notNullable().references('ecoles.id').onDelete('CASCADE');
    t.string('sender_profile', 8).notNullable();
    // A profile code (a person holding it), or 'groupe-ecole' / 'groupe-classe' (a whole group).
    t.string('target', 16).notNullable();
    // 'ecole', 'classe', 'famille' or 'classe-enfant': see core/src/rights/communication-rules.ts.
    t.string('scope', 16).notNullable();
    t.unique(['ecole_id', 'sender_profile', 'target', 'scope']);
  });
  await knex.schema.createTable('plugin_enablements', (t) => {
    t.string('plugin_id', 64).notNullable();
    t.integer('ecole_id').unsigned().notNullable().references('ecoles.id').onDelete('CASCADE');
    t.bigInteger('enabled_at').notNullable();
    t.integer('enabled_by').unsigned().nullable();
    t.primary(['plugin_id', 'ecole_id']);
    t.index(['ecole_id']);
  });
  await knex.schema.createTable('plugin_settings', (t) => {
    t.increments('id');
    t.string('plugin_id', 64).notNullable();
    // 0: platform-wide settings; otherwise one école's.
    t.integer('ecole_id').unsigned().notNullable().defaultTo(0);
    t.text('settings').notNullable();
    t.unique(['plugin_id', 'ecole_id']);
  });
  await knex.schema.createTable('dashboard_layouts', (t) => {
    t.integer('person_id').unsigned().notNullable().references('people.id').onDelete('CASCADE');
    t.integer('ecole_id').unsigned().notNullable().references('ecoles.id').onDelete('CASCADE');
    t.text('layout').notNullable();
    t.bigInteger('updated_at').notNullable();
    t.primary(['person_id', 'ecole_id']);
  });
  await knex.schema.createTable('dashboard_defaults', (t) => {
    t.integer('ecole_id').unsigned().notNullable().references('ecoles.id').onDelete('CASCADE');
    t.string('profile', 8).notNullable();
    t.text('layout').notNullable();
    // Widget ids nobody of this profile in this école can remove, as a JSON array.
    t.text('mandatory').notNullable();
    t.primary(['ecole_id', 'profile']);
  });
  await knex.schema.createTable('preau_meta', (t) => {
    t.string('key', 64).primary();
    t.text('value').notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'preau_meta',
    'dashboard_defaults',
    'dashboard_layouts',
    'plugin_settings',
    'plugin_enablements',
    'communication_rules',
    'permission_overrides',
  ]) {
    await knex.schema.dropTableIfExists(table);
  }
}
