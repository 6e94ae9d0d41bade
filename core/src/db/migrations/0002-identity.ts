import type { Knex } from 'knex';

/** Sessions, login throttling and the audit log. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('sessions', (t) => {
    // SHA-256 of the cookie value: a copy of this table opens no session.
    t.string('id', 64).primary();
    t.integer('person_id').unsigned().notNullable().references('people.id').onDelete('CASCADE');
    t.integer('ecole_id').unsigned().nullable().references('ecoles.id').onDelete('SET NULL');
    t.string('profile', 8).nullable();
    t.bigInteger('created_at').notNullable();
    t.bigInteger('last_seen_at').notNullable();
    t.bigInteger('expires_at').notNullable();
    t.string('ip', 45).nullable();
    t.string('user_agent', 255).nullable();
    t.index(['person_id']);
    t.index(['expires_at']);
  });
  await knex.schema.createTable('login_throttle', (t) => {
    // 'login:<login>' or 'ip:<address>'.
    t.string('key', 160).primary();
    t.integer('failures').notNullable();
    t.bigInteger('window_started_at').notNullable();
    t.bigInteger('locked_until').nullable();
  });
  await knex.schema.createTable('audit_log', (t) => {
    t.bigIncrements('id');
    t.bigInteger('at').notNullable();
    t.string('action', 64).notNullable();
    t.integer('actor_id').unsigned().nullable();
    t.integer('collectivite_id').unsigned().nullable();
    t.integer('ecole_id').unsigned().nullable();
    t.string('target', 160).nullable();
    t.string('ip', 45).nullable();
    // Facts about the action (never message contents nor passwords), as JSON.
    t.text('details').nullable();
    t.index(['at']);
    t.index(['actor_id']);
    t.index(['action', 'at']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('audit_log');
  await knex.schema.dropTableIfExists('login_throttle');
  await knex.schema.dropTableIfExists('sessions');
}
