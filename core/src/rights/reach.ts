import type { CoreContext } from '../context.js';
import { PROFILE_LABELS } from '../directory/profiles.js';
import {
  describeRule,
  SCOPES,
  type CommunicationRule,
  type CommunicationScope,
} from './communication-rules.js';
import { parseGroupId } from './groups.js';
import { membershipsOf, type MembershipFacts, type Sender } from './sender.js';

/** The answer to « may A write to B? », with the reason a person can read. */
export interface CommunicationDecision {
  allowed: boolean;
  /** In French: the rule that allowed it, or why none did. */
  reason: string;
  /** The rule that allowed it. */
  rule?: CommunicationRule & { description: string };
  /** The école whose rule allowed it. */
  ecoleId?: number;
}

/** Decides whether the sender may write to a person, and explains. */
export async function decidePerson(
  ctx: CoreContext,
  sender: Sender,
  toPersonId: number,
): Promise<CommunicationDecision> {
  if (sender.personId === toPersonId) {
    return { allowed: true, reason: 'Il s’agit de la même personne.' };
  }
  const recipient = await membershipsOf(ctx, toPersonId);
  if (recipient.length === 0) {
    return { allowed: false, reason: 'Refusé : le destinataire n’est inscrit dans aucune école.' };
  }
  if (sender.ecoles.size === 0) {
    return { allowed: false, reason: 'Refusé : l’expéditeur n’est inscrit dans aucune école.' };
  }
  for (const [ecoleId, inEcole] of sender.ecoles) {
    const rules = [...inEcole.rules].sort(
      (a, b) => SPECIFICITY.indexOf(a.scope) - SPECIFICITY.indexOf(b.scope),
    );
    for (const rule of rules) {
      if (holds(rule, sender, ecoleId, recipient, toPersonId)) {
        const names = await ecoleNames(ctx, [ecoleId]);
        const description = describeRule(rule);
        return {
          allowed: true,
          reason: `Autorisé par la règle de ${names.get(ecoleId)} : ${description}.`,
          rule: { ...rule, description },
          ecoleId,
        };
      }
    }
  }
  return { allowed: false, reason: await explainRefusal(ctx, sender, recipient, toPersonId) };
}

/** Decides whether the sender may write to a whole group (see groups.ts for the ids). */
export async function decideGroup(
  ctx: CoreContext,
  sender: Sender,
  groupId: string,
): Promise<CommunicationDecision> {
  const group = parseGroupId(groupId);
  if (!group) return { allowed: false, reason: `Refusé : groupe inconnu « ${groupId} ».` };
  const allow = (rule: CommunicationRule, ecoleName: string): CommunicationDecision => {
    const description = describeRule(rule);
    return {
      allowed: true,
      reason: `Autorisé par la règle de ${ecoleName} : ${description}.`,
      rule: { ...rule, description },
      ecoleId: rule.ecoleId,
    };
  };

  if (group.kind === 'ecole') {
    const rule = sender.ecoles.get(group.ecoleId)?.rules.find((r) => r.target === 'groupe-ecole');
    if (rule) return allow(rule, (await ecoleNames(ctx, [rule.ecoleId])).get(rule.ecoleId) ?? '');
    return {
      allowed: false,
      reason:
        'Refusé : aucune règle de cette école ne permet à l’expéditeur d’écrire à ses groupes.',
    };
  }

  if (group.kind === 'classe') {
    const classe = await ctx.sql.first<{ ecole_id: number; name: string }>(
      'SELECT ecole_id, name FROM classes WHERE id = ?',
      [group.classId],
    );
    const inEcole = classe ? sender.ecoles.get(Number(classe.ecole_id)) : undefined;
    if (!classe || !inEcole) {
      return {
        allowed: false,
        reason: 'Refusé : cette classe n’est pas dans une école de l’expéditeur.',
      };
    }
    const rule = inEcole.rules.find(
      (r) =>
        r.target === 'groupe-classe' &&
        (r.scope === 'ecole' ||
          (r.scope === 'classe' && inEcole.classes.has(group.classId)) ||
          (r.scope === 'classe-enfant' && inEcole.childClasses.has(group.classId))),
    );
    if (rule) return allow(rule, (await ecoleNames(ctx, [rule.ecoleId])).get(rule.ecoleId) ?? '');
    return {
      allowed: false,
      reason: `Refusé : aucune règle ne permet à l’expéditeur d’écrire aux groupes de la classe ${classe.name}.`,
    };
  }

  const stored = await ctx.sql.first<{ ecole_id: number; kind: string; name: string }>(
    'SELECT ecole_id, kind, name FROM `groups` WHERE id = ?',
    [group.groupId],
  );
  if (!stored) return { allowed: false, reason: 'Refusé : ce groupe n’existe pas.' };
  const ecoleId = Number(stored.ecole_id);
  const rule = sender.ecoles.get(ecoleId)?.rules.find((r) => r.target === 'groupe-ecole');
  if (rule) return allow(rule, (await ecoleNames(ctx, [ecoleId])).get(ecoleId) ?? '');
  if (stored.kind === 'manuel') {
    const member = await ctx.sql.first(
      'SELECT 1 AS yes FROM group_members WHERE group_id = ? AND person_id = ?',
      [group.groupId, sender.personId],
    );
    if (member) {
      return {
        allowed: true,
        reason: `Autorisé : l’expéditeur est membre du groupe ${stored.name}.`,
        ecoleId,
      };
    }
    return {
      allowed: false,
      reason: `Refusé : l’expéditeur n’est pas membre du groupe ${stored.name}.`,
    };
  }
  return {
    allowed: false,
    reason:
      'Refusé : une liste de diffusion n’est ouverte qu’aux personnes qui peuvent écrire aux ' +
      'groupes de l’école ; ses membres ne s’écrivent pas entre eux.',
  };
}

/** The names of some écoles, by id. */
export async function ecoleNames(ctx: CoreContext, ids: number[]): Promise<Map<number, string>> {
  const names = new Map<number, string>();
  if (ids.length === 0) return names;
  const rows = (await ctx.knex('ecoles').whereIn('id', ids).select('id', 'name')) as {
    id: number;
    name: string;
  }[];
  for (const row of rows) names.set(Number(row.id), row.name);
  return names;
}

/** The most specific rule explains a decision best: family first, whole école last. */
const SPECIFICITY: readonly CommunicationScope[] = ['famille', 'classe', 'classe-enfant', 'ecole'];

/** Whether a rule of école `ecoleId` lets the sender reach this recipient. */
function holds(
  rule: CommunicationRule,
  sender: Sender,
  ecoleId: number,
  recipient: readonly MembershipFacts[],
  toPersonId: number,
): boolean {
  if (rule.target === 'groupe-ecole' || rule.target === 'groupe-classe') return false;
  const inEcole = sender.ecoles.get(ecoleId);
  if (!inEcole) return false;
  const target = rule.target;
  const here = recipient.filter((m) => m.ecoleId === ecoleId && m.profile === target);
  switch (rule.scope) {
    case 'ecole':
      return here.length > 0;
    case 'classe':
      return here.some((m) => m.classId !== null && inEcole.classes.has(m.classId));
    case 'classe-enfant':
      return here.some((m) => m.classId !== null && inEcole.childClasses.has(m.classId));
    case 'famille':
      // A family link crosses écoles: a child may be in another école than the one whose rule applies.
      return sender.family.has(toPersonId) && recipient.some((m) => m.profile === target);
  }
}

/** Why no rule applies: per école in common, each sender → recipient profile pair that failed. */
async function explainRefusal(
  ctx: CoreContext,
  sender: Sender,
  recipient: readonly MembershipFacts[],
  toPersonId: number,
): Promise<string> {
  const common = [...sender.ecoles.keys()].filter((id) => recipient.some((m) => m.ecoleId === id));
  if (common.length === 0) {
    return sender.family.has(toPersonId)
      ? 'Refusé : aucune règle familiale des écoles de l’expéditeur ne s’applique au destinataire.'
      : 'Refusé : l’expéditeur et le destinataire n’ont aucune école en commun ni lien familial.';
  }
  const names = await ecoleNames(ctx, common);
  const parts: string[] = [];
  for (const ecoleId of common) {
    const inEcole = sender.ecoles.get(ecoleId);
    if (!inEcole) continue;
    const targets = new Set(recipient.filter((m) => m.ecoleId === ecoleId).map((m) => m.profile));
    const misses: string[] = [];
    for (const from of inEcole.profiles) {
      for (const to of targets) {
        const rules = inEcole.rules.filter((r) => r.senderProfile === from && r.target === to);
        if (rules.length === 0) {
          misses.push(`aucune règle ${PROFILE_LABELS[from]} → ${PROFILE_LABELS[to]}`);
        }
        for (const rule of sortByScope(rules)) {
          misses.push(`la règle ${describeRule(rule)} ne s’applique pas (${WHY_NOT[rule.scope]})`);
        }
      }
    }
    parts.push(`${names.get(ecoleId)} : ${misses.join(' ; ')}`);
  }
  return `Refusé. ${parts.join('. ')}.`;
}

const WHY_NOT: Record<CommunicationScope, string> = {
  ecole: 'profil absent de l’école',
  classe: 'aucune classe en commun',
  famille: 'pas de lien de responsable légal entre eux',
  'classe-enfant': 'aucun enfant de l’expéditeur n’est dans une classe du destinataire',
};

function sortByScope(rules: CommunicationRule[]): CommunicationRule[] {
  return [...rules].sort((a, b) => SCOPES.indexOf(a.scope) - SCOPES.indexOf(b.scope));
}
