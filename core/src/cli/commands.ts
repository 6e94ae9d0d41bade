import type { Command } from 'commander';
import { pino } from 'pino';

import { loadConfig } from '../config/load.js';
import { describePlugins } from '../plugins/host.js';
import { DEMO_ACCOUNTS } from '../seed/demo-accounts.js';
import { isDemoSeeded, seedDemo } from '../seed/demo.js';
import { createPreau, type Preau } from '../server.js';
import { enableDemoPlugins } from './demo-plugins.js';

/**
 * The `preau` command: migrate, seed the demo, serve, list plugins, print demo accounts.
 * Each command builds its own Préau from preau.config.json and the environment.
 */
export async function runCli(program: Command, argv: string[]): Promise<void> {
  program
    .name('preau')
    .description('Préau, l’ENT ouvert des écoles primaires')
    .showHelpAfterError('(voir « preau --help »)');

  program
    .command('migrate')
    .description('Met à jour le schéma de la base (cœur et plugins)')
    .action(async () => {
      const preau = await open();
      await preau.stop();
      console.log('Base de données à jour.');
    });

  program
    .command('seed')
    .description('Remplit la base avec un jeu de données')
    .argument('<jeu>', 'jeu de données : demo')
    .action(async (name: string) => {
      if (name !== 'demo')
        throw new Error(`Jeu de données inconnu : « ${name} » (seul « demo » existe)`);
      const preau = await open();
      try {
        console.log(await seed(preau));
      } finally {
        await preau.stop();
      }
    });

  program
    .command('start')
    .description('Démarre le serveur (PORT change le port, 3000 par défaut)')
    .option('--demo', 'installe la collectivité de démonstration si la base est vide')
    .action(async (options: { demo?: boolean }) => {
      const preau = await open({ serving: true });
      if (options.demo) preau.ctx.log.info(await seed(preau));
      await preau.listen();
      console.log(`Préau est prêt : ${preau.ctx.config.server.publicUrl}`);
      const stop = async () => {
        await preau.stop();
        process.exit(0);
      };
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
    });

  const plugins = program.command('plugins').description('Plugins installés');
  plugins
    .command('list')
    .description('Liste les plugins configurés, leur version et leur état')
    .option('--json', 'sortie JSON')
    .action(async (options: { json?: boolean }) => {
      const preau = await open();
      try {
        const rows = describePlugins(preau.services.plugins);
        if (options.json) console.log(JSON.stringify(rows, null, 2));
        else if (rows.length === 0)
          console.log('Aucun plugin configuré (voir « plugins » dans preau.config.json).');
        else {
          for (const row of rows) {
            console.log(
              `${row.id}\t${row.version}\t${row.status}${row.reason ? `\t${row.reason}` : ''}`,
            );
          }
        }
      } finally {
        await preau.stop();
      }
    });

  const demo = program.command('demo').description('Collectivité de démonstration');
  demo
    .command('accounts')
    .description('Affiche les comptes de démonstration')
    .option('--json', 'sortie JSON')
    .action((options: { json?: boolean }) => {
      if (options.json) {
        console.log(JSON.stringify(DEMO_ACCOUNTS, null, 2));
        return;
      }
      for (const account of DEMO_ACCOUNTS) {
        console.log(`${account.login}\t${account.password}\t${account.role}\t${account.school}`);
      }
    });

  await program.parseAsync(argv);
}

/** Builds a Préau. One-off commands log to stderr so their stdout stays parseable (--json). */
async function open(options: { serving?: boolean } = {}): Promise<Preau> {
  const config = loadConfig();
  if (options.serving) return createPreau({ config });
  const logger = pino({ level: config.log.level, name: 'preau' }, pino.destination(2));
  return createPreau({ config, logger });
}

async function seed(preau: Preau): Promise<string> {
  if (await isDemoSeeded(preau.ctx.knex))
    return 'La collectivité de démonstration est déjà installée.';
  const world = await seedDemo(preau.ctx.knex, preau.ctx.clock);
  if (world) await enableDemoPlugins(preau, world);
  return 'Collectivité de démonstration installée (comptes : « preau demo accounts »).';
}
