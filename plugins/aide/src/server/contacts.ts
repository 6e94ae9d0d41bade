import type { PluginDatabase } from '@preau/sdk';

/** A support contact of an école, as the API shows it. */
export interface SupportContact {
  name: string;
  role?: string;
  email?: string;
  phone?: string;
  hours?: string;
  note?: string;
}

/** Optional fields, in the order the page shows them. */
const OPTIONAL = ['role', 'email', 'phone', 'hours', 'note'] as const;

/** Most contacts an école keeps: the list stays readable at the bottom of the help page. */
export const MAX_CONTACTS = 10;

/** The support contacts of each école, in the plugin's own table, always through `forEcole`. */
export class ContactStore {
  constructor(private readonly db: PluginDatabase) {}

  async list(ecoleId: number): Promise<SupportContact[]> {
    const rows = (await this.db
      .forEcole(ecoleId)
      .table('contacts')
      .orderBy('position')
      .select('name', ...OPTIONAL)) as Array<Record<string, string | null>>;
    return rows.map((row) => {
      const contact: SupportContact = { name: row.name! };
      for (const field of OPTIONAL) if (row[field]) contact[field] = row[field]!;
      return contact;
    });
  }

  /** Replaces the école's whole list, in one transaction: all of it is kept, or nothing. */
  async replace(ecoleId: number, contacts: SupportContact[], now: number): Promise<void> {
    await this.db.transaction(async (db) => {
      const scoped = db.forEcole(ecoleId);
      await scoped.table('contacts').delete();
      if (contacts.length === 0) return;
      await scoped.insert(
        'contacts',
        contacts.map((contact, position) => ({
          position,
          name: contact.name.trim(),
          ...Object.fromEntries(OPTIONAL.map((field) => [field, contact[field]?.trim() || null])),
          updated_at: now,
        })),
      );
    });
  }
}
