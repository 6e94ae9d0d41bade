import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { createPreau, loadConfig, systemClock, type Preau } from '@preau/core';
import {
  createTestDatabase,
  insertFixtures,
  type FixtureWorld,
  type TestEngine,
} from '@preau/core/testing';
import type { SearchDocument } from '@preau/sdk';

import { repoRoot } from './seed.js';

/**
 * The search part of `npm run bench`: 100,000 French documents indexed through the recherche
 * plugin's bulk path, then searched through its route as a parent of École A1; index time,
 * latency p50/p95 and the index's size on disk, per engine.
 */
export interface SearchMeasurement {
  engine: TestEngine;
  documents: number;
  indexSeconds: number;
  /** Documents visible to the searcher (their école), for the reader's sense of scale. */
  queries: number;
  p50Ms: number;
  p95Ms: number;
  /** Queries that found at least one result. */
  withResults: number;
  sizeBytes: number | null;
  sizeNote: string;
}

/** `PREAU_BENCH_SEARCH_DOCS` changes how many documents are indexed (default 100,000). */
const DOCUMENTS = Number(process.env.PREAU_BENCH_SEARCH_DOCS ?? 100_000);
const QUERIES = 200;
/** Documents handed to `indexMany` per call (it writes them 1,000 per transaction). */
const CALL_SIZE = 10_000;
/** The plugin the documents are indexed for: its searchProviders entry makes them visible. */
const PLUGIN = 'menu-cantine';
const PROVIDER = 'menus';

/** Indexes and searches on one engine; everything it creates is dropped at the end. */
export async function benchSearch(
  engine: TestEngine,
  log: (line: string) => void,
): Promise<SearchMeasurement> {
  const database = await createTestDatabase(engine);
  const workDir = mkdtempSync(join(tmpdir(), 'preau-bench-search-'));
  let preau: Preau | undefined;
  try {
    const config = loadConfig({
      env: {},
      cwd: workDir,
      overrides: {
        database: { url: database.url },
        log: { level: 'silent' },
        server: { host: '127.0.0.1', port: 0, publicUrl: 'http://127.0.0.1' },
        plugins: [
          join(repoRoot, 'plugins/recherche'),
          join(repoRoot, 'examples/plugin-menu-cantine'),
        ],
      },
    });
    preau = await createPreau({ config });
    const refused = preau.services.plugins.installed().find((p) => p.status === 'refused');
    if (refused) throw new Error(`plugin ${refused.id} refusé : ${refused.reason}`);
    const { knex } = preau.ctx;
    const world = await insertFixtures(knex, systemClock);
    const now = systemClock.now();
    for (const ecoleId of Object.values(world.ecoles)) {
      for (const pluginId of ['recherche', PLUGIN]) {
        await knex('plugin_enablements').insert({
          plugin_id: pluginId,
          ecole_id: ecoleId,
          enabled_at: now,
          enabled_by: null,
        });
      }
    }
    const service = preau.services.plugins.get('recherche')?.service as
      { indexMany(pluginId: string, documents: SearchDocument[]): Promise<void> } | undefined;
    if (!service?.indexMany) throw new Error('le plugin recherche n’offre pas indexMany');

    const documents = generateDocuments(world, DOCUMENTS);
    const started = performance.now();
    for (let start = 0; start < documents.length; start += CALL_SIZE) {
      await service.indexMany(PLUGIN, documents.slice(start, start + CALL_SIZE));
    }
    const indexSeconds = (performance.now() - started) / 1000;
    log(
      `[${engine}] ${format(documents.length)} documents indexés en ${indexSeconds.toFixed(1)} s`,
    );

    const { token } = await preau.services.sessions.open({
      personId: world.people['parent.a1'],
      ecoleId: world.ecoles.a1,
      profile: 'TUT',
      ip: '127.0.0.1',
      userAgent: 'preau-bench',
    });
    const cookie = `${config.sessions.cookieName}=${token}`;
    const queries = generateQueries(QUERIES);
    const server = preau.server;
    const ask = async (q: string) => {
      const response = await server.inject({
        method: 'GET',
        url: `/api/plugins/recherche/?q=${encodeURIComponent(q)}&limit=20`,
        headers: { cookie },
      });
      if (response.statusCode !== 200) {
        throw new Error(`recherche « ${q} » : HTTP ${response.statusCode} ${response.payload}`);
      }
      return (JSON.parse(response.payload) as { groups: unknown[] }).groups.length > 0;
    };
    // A few queries first: the statements are prepared and the pages read once.
    for (const q of queries.slice(0, 10)) await ask(q);
    const latencies: number[] = [];
    let withResults = 0;
    for (const q of queries) {
      const begin = performance.now();
      if (await ask(q)) withResults += 1;
      latencies.push(performance.now() - begin);
    }
    latencies.sort((a, b) => a - b);
    const size = await indexSize(preau, engine);
    return {
      engine,
      documents: documents.length,
      indexSeconds,
      queries: queries.length,
      p50Ms: percentile(latencies, 0.5),
      p95Ms: percentile(latencies, 0.95),
      withResults,
      sizeBytes: size.bytes,
      sizeNote: size.note,
    };
  } finally {
    await preau?.stop();
    rmSync(workDir, { recursive: true, force: true });
    await database.drop();
  }
}

/** The measurements as a Markdown table, like the HTTP cases. */
export function searchTable(measurements: readonly SearchMeasurement[]): string {
  const rows = measurements.map(
    (m) =>
      `| ${m.engine} | ${format(m.documents)} | ${m.indexSeconds.toFixed(1)} | ` +
      `${format(Math.round(m.documents / m.indexSeconds))} | ${m.p50Ms.toFixed(1)} | ` +
      `${m.p95Ms.toFixed(1)} | ${m.withResults}/${m.queries} | ` +
      `${m.sizeBytes === null ? '?' : (m.sizeBytes / 1e6).toFixed(1)} |`,
  );
  return [
    '| Base | documents | indexation (s) | docs/s | p50 (ms) | p95 (ms) | requêtes avec résultats | taille (Mo) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}

/** One line per engine, to paste in a note. */
export function searchLines(measurements: readonly SearchMeasurement[]): string[] {
  return measurements.map(
    (m) =>
      `bench ${m.engine.padEnd(7)} recherche : ${format(m.documents)} documents indexés en ` +
      `${m.indexSeconds.toFixed(1)} s, requête p50 ${m.p50Ms.toFixed(1)} ms / p95 ` +
      `${m.p95Ms.toFixed(1)} ms, index ${m.sizeBytes === null ? '?' : (m.sizeBytes / 1e6).toFixed(1)} Mo (${m.sizeNote})`,
  );
}

// Module-private helpers.

/**
 * The documents: school news, menus, homework, messages, in French with accents, spread over
 * the three fixture écoles and 17 more (ids no école has: a larger deployment's neighbours,
 * whose documents the searcher never sees but the index holds), with audiences of every kind.
 * Words follow a Zipf law, as in real text: a few are in most documents, most in few, so that a
 * query's cost ranges from a rare word's to a very common one's.
 */
function generateDocuments(world: FixtureWorld, count: number): SearchDocument[] {
  const random = seeded(20260901);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const vocabulary = zipfPicker(VOCABULARY, random);
  const ecoles = [
    world.ecoles.a1,
    world.ecoles.a2,
    world.ecoles.b1,
    ...Array.from({ length: 17 }, (_, i) => 1_000_000 + i),
  ];
  const classesOf = new Map<number, number[]>([
    [world.ecoles.a1, [world.classes.cm1a, world.classes.ce1, world.classes.psms]],
    [world.ecoles.b1, [world.classes.b1cp]],
  ]);
  const sentence = (min: number, max: number) => {
    const length = min + Math.floor(random() * (max - min + 1));
    const words = Array.from({ length }, () =>
      random() < 0.45 ? pick(FUNCTION_WORDS) : vocabulary(),
    );
    const text = words.join(' ');
    return text.charAt(0).toUpperCase() + text.slice(1);
  };
  const documents: SearchDocument[] = [];
  for (let i = 0; i < count; i += 1) {
    const ecoleId = ecoles[i % ecoles.length]!;
    const kind = random();
    const classes = classesOf.get(ecoleId) ?? [ecoleId * 10 + 1, ecoleId * 10 + 2];
    const audience: SearchDocument['audience'] =
      kind < 0.6
        ? 'ecole'
        : kind < 0.85
          ? { classIds: [pick(classes)] }
          : kind < 0.95
            ? { profiles: [pick(['ENS', 'DIR', 'TUT'] as const)] }
            : { personIds: [world.people['parent.a1'] + (i % 7)] };
    const paragraphs = 1 + Math.floor(random() * 3);
    const text = Array.from({ length: paragraphs }, () =>
      Array.from({ length: 2 + Math.floor(random() * 3) }, () => `${sentence(6, 16)}.`).join(' '),
    ).join('\n\n');
    documents.push({
      ecoleId,
      provider: PROVIDER,
      id: `doc-${i}`,
      title: `${pick(TITLES)} : ${vocabulary()} ${vocabulary()}`,
      text,
      url: `/apps/${PLUGIN}/?doc=${i}`,
      audience,
    });
  }
  return documents;
}

/**
 * Draws words with a Zipf law over a deterministic shuffle of `words`: the k-th most frequent
 * comes 1/k as often as the first.
 */
function zipfPicker(words: readonly string[], random: () => number): () => string {
  const shuffled = [...words];
  for (let i = shuffled.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 1; rank <= shuffled.length; rank += 1) {
    total += 1 / rank;
    cumulative.push(total);
  }
  return () => {
    const target = random() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return shuffled[low]!;
  };
}

/** Mixed queries: one word, two words, prefixes, unaccented or capitalised forms, misses. */
function generateQueries(count: number): string[] {
  const random = seeded(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const bare = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '');
  const queries: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const word = pick(QUERY_WORDS);
    switch (i % 6) {
      case 0:
        queries.push(word);
        break;
      case 1:
        queries.push(`${word} ${pick(QUERY_WORDS)}`);
        break;
      case 2:
        queries.push(word.slice(0, 3 + (i % 3)));
        break;
      case 3:
        queries.push(bare(word).toUpperCase());
        break;
      case 4:
        queries.push(`${pick(TITLES).split(' ')[0]} ${word.slice(0, 4)}`);
        break;
      default:
        queries.push(`${bare(word)}zq`);
    }
  }
  return queries;
}

/** The index's size on disk: the plugin's tables only. */
async function indexSize(
  preau: Preau,
  engine: TestEngine,
): Promise<{ bytes: number | null; note: string }> {
  const { knex } = preau.ctx;
  if (engine === 'sqlite') {
    try {
      const rows = (await knex.raw(
        "SELECT SUM(pgsize) AS bytes FROM dbstat WHERE name LIKE '%recherche%'",
      )) as Array<{ bytes: number }>;
      return { bytes: Number(rows[0]?.bytes ?? 0), note: 'dbstat, tables recherche_* et FTS5' };
    } catch {
      const [count] = (await knex.raw('PRAGMA page_count')) as Array<{ page_count: number }>;
      const [size] = (await knex.raw('PRAGMA page_size')) as Array<{ page_size: number }>;
      return {
        bytes: Number(count?.page_count) * Number(size?.page_size),
        note: 'fichier entier (page_count × page_size)',
      };
    }
  }
  const tables = (await knex('information_schema.TABLES')
    .whereRaw('TABLE_SCHEMA = DATABASE()')
    .where('TABLE_NAME', 'like', '%recherche%')
    .select('TABLE_NAME as name')) as Array<{ name: string }>;
  for (const { name } of tables) await knex.raw('ANALYZE TABLE ??', [name]);
  const [row] = (await knex('information_schema.TABLES')
    .whereRaw('TABLE_SCHEMA = DATABASE()')
    .where('TABLE_NAME', 'like', '%recherche%')
    .sum({ bytes: knex.raw('DATA_LENGTH + INDEX_LENGTH') })) as Array<{ bytes: number }>;
  let bytes = Number(row?.bytes ?? 0);
  let note = 'data_length + index_length';
  try {
    // InnoDB keeps FULLTEXT indexes in auxiliary tables (FTS_<table id>_…), not counted above.
    const [aux] = (await knex.raw(
      `SELECT SUM(sp.FILE_SIZE) AS bytes
         FROM information_schema.INNODB_SYS_TABLES t
         JOIN information_schema.INNODB_SYS_TABLES f
           ON f.NAME LIKE CONCAT(DATABASE(), '/FTS\\_', LPAD(HEX(t.TABLE_ID), 16, '0'), '\\_%')
         JOIN information_schema.INNODB_SYS_TABLESPACES sp ON sp.SPACE = f.SPACE
        WHERE t.NAME LIKE CONCAT(DATABASE(), '/%recherche%')`,
    )) as [Array<{ bytes: number | null }>];
    const extra = Number(aux[0]?.bytes ?? 0);
    if (extra > 0) {
      bytes += extra;
      note += ' + tables FULLTEXT auxiliaires';
    }
  } catch {
    note += ' (tables FULLTEXT auxiliaires non comptées)';
  }
  return { bytes, note };
}

function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

/** A small deterministic generator (mulberry32): the same documents on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function format(value: number): string {
  return Math.round(value).toLocaleString('fr-FR').replace(/\s/g, ' ');
}

const TITLES = [
  'Sortie scolaire',
  'Menu de la cantine',
  'Réunion des parents',
  'Devoirs de mathématiques',
  'Fête de l’école',
  'Conseil d’école',
  'Piscine municipale',
  'Exposition de dessins',
  'Photo de classe',
  'Kermesse de juin',
  'Vaccination',
  'Classe de découverte',
  'Bibliothèque',
  'Élection des délégués',
  'Goûter partagé',
  'Rentrée scolaire',
];

const WORDS = (
  'élèves école cantine parents classe maîtresse enseignant directrice récréation cour goûter ' +
  'piscine bibliothèque musée théâtre spectacle sortie autorisation signature carnet liaison ' +
  'cahier devoirs lecture écriture mathématiques problèmes géométrie conjugaison dictée ' +
  'poésie chanson chorale musique dessin peinture sciences expérience jardin potager légumes ' +
  'fruits repas menu poisson poulet gratin purée haricots carottes fromage yaourt compote ' +
  'pain allergènes végétarien lundi mardi mercredi jeudi vendredi samedi septembre octobre ' +
  'novembre décembre janvier février mars avril mai juin vacances Toussaint Noël hiver ' +
  'printemps été automne matin après-midi soir rendez-vous réunion conseil kermesse fête loto ' +
  'brocante tombola photographe vaccin infirmière médecin santé sécurité exercice alerte ' +
  'incendie confinement gymnase stade course vélo natation gymnastique judo danse ballon ' +
  'matériel trousse crayons ciseaux colle règle gomme cartable manteau bonnet gants bottes ' +
  'pique-nique autocar départ retour horaires garderie étude périscolaire mairie inscription ' +
  'dossier justificatif absence retard maladie certificat assurance coopérative cotisation ' +
  'participation bénévoles accompagnateurs merci rappel important nouveau prochain dernier ' +
  'grand petite section maternelle élémentaire CP CE1 CE2 CM1 CM2 projet classe découverte ' +
  'forêt mer montagne ferme animaux poules lapins nature environnement recyclage tri déchets ' +
  'eau énergie citoyenneté respect règlement intérieur harcèlement écrans sommeil livres prêt ' +
  'retour'
).split(' ');

const NAMES = (
  'Léa Lucas Emma Hugo Chloé Louis Manon Gabriel Inès Jules Camille Arthur Zoé Raphaël Jade ' +
  'Nathan Louise Théo Alice Maël Juliette Noé Ambre Sacha Romane Léon Margaux Timéo Anaïs ' +
  'Rennes Brocéliande Saint-Malo Vitré Fougères Dinan Quimper Vannes Morlaix Cancale Redon ' +
  'Bécherel Combourg Paimpont Dol Lamballe'
).split(' ');

/** Short, frequent words: in most sentences, never searched for. */
const FUNCTION_WORDS = (
  'le la les de des du un une et à au aux pour avec dans sur par nous vous ils elles est ' +
  'sont sera ont pas plus très bien aussi leur notre votre ce cette ces qui que'
).split(' ');

const VOCABULARY = [...new Set([...WORDS, ...NAMES])];

/** What people search for: words of 4 letters or more of the vocabulary. */
const QUERY_WORDS = VOCABULARY.filter((word) => word.length >= 4);
