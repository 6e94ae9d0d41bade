import type { Knex } from 'knex';

/**
 * Secrets the server generates for itself (the key that signs device cookies), kept in the
 * database so every instance signs and checks with the same key and a restart keeps it.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('server_secrets', (t) => {
    t.string('name', 64).primary();
    // base64url of 32 random bytes.
    t.string('value', 128).notNullable();
    t.bigInteger('created_at').notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('server_secrets');
}
