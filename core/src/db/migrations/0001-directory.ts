import type { Knex } from 'knex';

/** Tenancy and directory: collectivités, écoles, classes, groups, people and their links. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('collectivites', (t) => {
    t.increments('id');
    t.string('name', 160).notNullable();
    t.string('slug', 80).notNullable().unique();
    t.bigInteger('created_at').notNullable();
  });
  await knex.schema.createTable('ecoles', (t) => {
    t.increments('id');
    t.integer('collectivite_id').unsigned().notNullable().references('collectivites.id');
    t.string('uai', 8).notNullable().unique();
    t.string('name', 160).notNullable();
    t.string('commune', 120).nullable();
    t.string('circonscription', 120).nullable();
    t.bigInteger('created_at').notNullable();
    t.index(['collectivite_id']);
  });
  await knex.schema.createTable('classes', (t) => {
    t.increments('id');
    t.integer('ecole_id').unsigned().notNullable().references('ecoles.id').onDelete('CASCADE');
    t.string('name', 80).notNullable();
    // Comma-separated levels in school order (PS,MS,GS,CP,CE1,CE2,CM1,CM2): classes are often multi-level.
    t.string('levels', 40).notNullable();
    t.string('school_year', 9).notNullable();
    t.bigInteger('created_at').notNullable();
    t.unique(['ecole_id', 'school_year', 'name']);
  });
  await knex.schema.createTable('people', (t) => {
    t.increments('id');
    // Opaque identifier given to connected services (GAR, audience): never the login or a name.
    t.string('uuid', 36).notNullable().unique();
    t.string('first_name', 80).notNullable();
    t.string('last_name', 80).notNullable();
    t.string('email', 254).nullable();
    t.string('birth_date', 10).nullable();
    t.bigInteger('created_at').notNullable();
    t.index(['last_name', 'first_name']);
  });
  await knex.schema.createTable('accounts', (t) => {
    t.integer('person_id').unsigned().primary().references('people.id').onDelete('CASCADE');
    t.string('login', 80).notNullable().unique();
    t.string('password_hash', 255).nullable();
    t.bigInteger('activated_at').nullable();
    t.bigInteger('blocked_at').nullable();
    t.bigInteger('password_changed_at').nullable();
  });
  await knex.schema.createTable('memberships', (t) => {
    t.increments('id');
    t.integer('person_id').unsigned().notNullable().references('people.id').onDelete('CASCADE');
    t.integer('ecole_id').unsigned().notNullable().references('ecoles.id').onDelete('CASCADE');
    t.string('profile', 8).notNullable();
    t.integer('class_id').unsigned().nullable().references('classes.id').onDelete('CASCADE');
    t.bigInteger('created_at').notNullable();
    t.index(['person_id']);
    t.index(['ecole_id', 'profile']);
    t.index(['class_id']);
  });
  await knex.schema.createTable('family_links', (t) => {
    t.integer('parent_id').unsigned().notNullable().references('people.id').onDelete('CASCADE');
    t.integer('child_id').unsigned().notNullable().references('people.id').onDelete('CASCADE');
    t.boolean('legal_representative').notNullable().defaultTo(true);
    t.primary(['parent_id', 'child_id']);
    t.index(['child_id']);
  });
  await knex.schema.createTable('groups', (t) => {
    t.increments('id');
    t.integer('ecole_id').unsigned().notNullable().references('ecoles.id').onDelete('CASCADE');
    t.string('name', 120).notNullable();
    // 'manuel': people chosen by hand; 'diffusion': a broadcast list whose members never talk to each other.
    t.string('kind', 16).notNullable();
    t.bigInteger('created_at').notNullable();
    t.unique(['ecole_id', 'name']);
  });
  await knex.schema.createTable('group_members', (t) => {
    t.integer('group_id').unsigned().notNullable().references('groups.id').onDelete('CASCADE');
    t.integer('person_id').unsigned().notNullable().references('people.id').onDelete('CASCADE');
    t.primary(['group_id', 'person_id']);
    t.index(['person_id']);
  });
  await knex.schema.createTable('administrations', (t) => {
    t.increments('id');
    t.integer('person_id').unsigned().notNullable().references('people.id').onDelete('CASCADE');
    // NULL: the platform itself; otherwise the one collectivité this person administers.
    t.integer('collectivite_id')
      .unsigned()
      .nullable()
      .references('collectivites.id')
      .onDelete('CASCADE');
    t.unique(['person_id', 'collectivite_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'administrations',
    'group_members',
    'groups',
    'family_links',
    'memberships',
    'accounts',
    'people',
    'classes',
    'ecoles',
    'collectivites',
  ]) {
    await knex.schema.dropTableIfExists(table);
  }
}
