import type { Profile, SearchDocument } from '@preau/sdk';

/** A kind of document a searcher may find: a plugin's search provider. */
export interface SearchSource {
  pluginId: string;
  provider: string;
}

/** Who searches, as the audience rule needs them. */
export interface Searcher {
  ecoleId: number;
  personId: number;
  profile: Profile;
  /** Their classes in the école (a parent: their children's classes). */
  classIds: number[];
}

/** A search, already checked: folded words, and the sources the searcher may see. */
export interface SearchQuery {
  terms: string[];
  searcher: Searcher;
  sources: SearchSource[];
  limit: number;
}

/** A document found, best first. */
export interface SearchHit {
  pluginId: string;
  provider: string;
  title: string;
  body: string;
  url: string;
}

/**
 * Where documents are indexed and searched. Two implementations ship (SQLite FTS5, MariaDB
 * FULLTEXT); a search engine could implement it later. `search` must return only documents of
 * the searcher's école, of the given sources, whose audience includes the searcher.
 */
export interface IndexProvider {
  index(pluginId: string, document: SearchDocument): Promise<void>;
  /** Indexes many documents at once, in batches (as `index` would one by one, but faster). */
  indexMany(pluginId: string, documents: readonly SearchDocument[]): Promise<void>;
  remove(pluginId: string, ecoleId: number, provider: string, id: string): Promise<void>;
  search(query: SearchQuery): Promise<SearchHit[]>;
}
