import type { CoreContext } from '../context.js';
import { isProfile, type Profile } from '../directory/profiles.js';
import {
  rulesFromRows,
  type CommunicationRule,
  type CommunicationRuleRow,
} from './communication-rules.js';

/** One of a person's memberships, as the rules read it. */
export interface MembershipFacts {
  ecoleId: number;
  profile: Profile;
  classId: number | null;
}

/** What the sender is in one école, and the rules that apply to them there. */
export interface SenderInEcole {
  profiles: Set<Profile>;
  /** Classes of any of their memberships in this école. */
  classes: Set<number>;
  /** Classes of their children (legal representative) in this école. */
  childClasses: Set<number>;
  /** The école's rules whose sender profile they hold there. */
  rules: CommunicationRule[];
}

/**
 * Everything the rules need to know about a sender, read in a handful of indexed queries: their
 * memberships, their direct family (legal representative links, both ways), the classes of their
 * children and the rules of their écoles. Bounded by one person, whatever the size of the école.
 */
export interface Sender {
  personId: number;
  ecoles: Map<number, SenderInEcole>;
  /** People linked to them as legal representative or as child of one. */
  family: Set<number>;
}

/** Loads a sender; with `onlyEcoleId`, as if they belonged to that école alone. */
export async function loadSender(
  ctx: CoreContext,
  personId: number,
  onlyEcoleId: number | null = null,
): Promise<Sender> {
  const memberships = (await membershipsOf(ctx, personId)).filter(
    (m) => onlyEcoleId === null || m.ecoleId === onlyEcoleId,
  );
  const familyRows = await ctx.sql.all<{ parent_id: number; child_id: number }>(
    'SELECT parent_id, child_id FROM family_links WHERE legal_representative = 1 AND (parent_id = ? OR child_id = ?)',
    [personId, personId],
  );
  const family = new Set<number>();
  for (const row of familyRows) {
    family.add(Number(Number(row.parent_id) === personId ? row.child_id : row.parent_id));
  }
  const childClassRows = await ctx.sql.all<{ ecole_id: number; class_id: number }>(
    'SELECT m.ecole_id, m.class_id FROM family_links f JOIN memberships m ON m.person_id = f.child_id ' +
      'WHERE f.parent_id = ? AND f.legal_representative = 1 AND m.class_id IS NOT NULL',
    [personId],
  );

  const ecoles = new Map<number, SenderInEcole>();
  for (const membership of memberships) {
    const inEcole = ecoles.get(membership.ecoleId) ?? {
      profiles: new Set<Profile>(),
      classes: new Set<number>(),
      childClasses: new Set<number>(),
      rules: [],
    };
    inEcole.profiles.add(membership.profile);
    if (membership.classId !== null) inEcole.classes.add(membership.classId);
    ecoles.set(membership.ecoleId, inEcole);
  }
  for (const row of childClassRows) {
    ecoles.get(Number(row.ecole_id))?.childClasses.add(Number(row.class_id));
  }
  for (const [ecoleId, inEcole] of ecoles) {
    const rules = await rulesOf(ctx, ecoleId);
    inEcole.rules = rules.filter((rule) => inEcole.profiles.has(rule.senderProfile));
  }
  return { personId, ecoles, family };
}

/** A person's memberships in every école (unknown profiles, from a newer version, dropped). */
export async function membershipsOf(
  ctx: CoreContext,
  personId: number,
): Promise<MembershipFacts[]> {
  const rows = await ctx.sql.all<{ ecole_id: number; profile: string; class_id: number | null }>(
    'SELECT ecole_id, profile, class_id FROM memberships WHERE person_id = ?',
    [personId],
  );
  return rows
    .filter((row) => isProfile(row.profile))
    .map((row) => ({
      ecoleId: Number(row.ecole_id),
      profile: row.profile as Profile,
      classId: row.class_id === null ? null : Number(row.class_id),
    }));
}

/** An école's rules, straight from the table (one indexed read: the unique key starts with it). */
export async function rulesOf(ctx: CoreContext, ecoleId: number): Promise<CommunicationRule[]> {
  const rows = await ctx.sql.all<CommunicationRuleRow>(
    'SELECT ecole_id, sender_profile, target, scope FROM communication_rules WHERE ecole_id = ?',
    [ecoleId],
  );
  return rulesFromRows(rows);
}
