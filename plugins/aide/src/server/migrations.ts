import type { PluginMigration } from '@preau/sdk';

/** The plugin's tables: the support contacts of each école. */
export const migrations: PluginMigration[] = [
  {
    name: '0001-contacts',
    async up({ schema, tableName }) {
      await schema.createTable(tableName('contacts'), (t: TableBuilder) => {
        t.increments('id');
        t.integer('ecole_id').unsigned().notNullable().index();
        t.integer('position').notNullable();
        t.string('name', 100).notNullable();
        t.string('role', 100).nullable();
        t.string('email', 200).nullable();
        t.string('phone', 30).nullable();
        t.string('hours', 200).nullable();
        t.string('note', 500).nullable();
        t.bigInteger('updated_at').notNullable();
      });
    },
    async down({ schema, tableName }) {
      await schema.dropTableIfExists(tableName('contacts'));
    },
  },
];

// knex's TableBuilder, as far as this migration uses it (the SDK does not pin knex's types).
interface ColumnBuilder {
  unsigned(): ColumnBuilder;
  notNullable(): ColumnBuilder;
  nullable(): ColumnBuilder;
  index(): ColumnBuilder;
}
interface TableBuilder {
  increments(name: string): ColumnBuilder;
  integer(name: string): ColumnBuilder;
  bigInteger(name: string): ColumnBuilder;
  string(name: string, length: number): ColumnBuilder;
}
