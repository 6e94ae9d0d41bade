import type { Knex } from 'knex';

/** Recurring jobs' turns and leases: one row per (owner, job), shared by every Préau process. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('scheduled_jobs', (t) => {
    // 'core' or a plugin id.
    t.string('owner', 64).notNullable();
    t.string('job_id', 64).notNullable();
    t.bigInteger('next_run_at').notNullable();
    // Set while a process runs the job: no other process claims it until then.
    t.bigInteger('lease_until').nullable();
    t.text('last_error').nullable();
    t.primary(['owner', 'job_id']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('scheduled_jobs');
}
