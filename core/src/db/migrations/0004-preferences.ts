import type { Knex } from 'knex';

/** Each person's portal preferences: theme and language, one row once they change one. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('person_preferences', (t) => {
    t.integer('person_id').unsigned().primary().references('people.id').onDelete('CASCADE');
    // Ids of core/src/web/portal-options.ts; checked by the route, not by the database, so that
    // adding a theme or a language needs no migration.
    t.string('theme', 16).notNullable().defaultTo('default');
    t.string('locale', 5).notNullable().defaultTo('fr');
    t.bigInteger('updated_at').notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('person_preferences');
}
