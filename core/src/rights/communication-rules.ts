import Boom from '@hapi/boom';

import { PROFILES, PROFILE_LABELS, isProfile } from '../directory/profiles.js';
import type {
  CommunicationRuleData,
  CommunicationScope,
  CommunicationTarget,
} from './communication-defaults.js';

export type { CommunicationRuleData, CommunicationScope, CommunicationTarget };

export const SCOPES: readonly CommunicationScope[] = [
  'ecole',
  'classe',
  'famille',
  'classe-enfant',
];
export const GROUP_TARGETS = ['groupe-ecole', 'groupe-classe'] as const;
export const TARGETS: readonly CommunicationTarget[] = [...PROFILES, ...GROUP_TARGETS];

/** A rule as it applies in one école. */
export interface CommunicationRule extends CommunicationRuleData {
  ecoleId: number;
}

/**
 * The scopes that make sense for a group target: a school-wide group is the école's own
 * (`ecole`); class groups may be all the école's classes, the sender's classes, or the classes of
 * the sender's children. A family link joins people, never groups.
 */
const GROUP_SCOPES: Record<(typeof GROUP_TARGETS)[number], readonly CommunicationScope[]> = {
  'groupe-ecole': ['ecole'],
  'groupe-classe': ['ecole', 'classe', 'classe-enfant'],
};

/** How each scope is said to a person, after the profile it restricts. */
const SCOPE_PHRASES: Record<CommunicationScope, string> = {
  ecole: 'dans toute l’école',
  classe: 'de ses classes',
  famille: 'de sa famille (lien de responsable légal)',
  'classe-enfant': 'des classes de ses enfants',
};

export function targetLabel(target: CommunicationTarget): string {
  if (target === 'groupe-ecole') return 'Groupes de l’école';
  if (target === 'groupe-classe') return 'Groupes de classe';
  return PROFILE_LABELS[target];
}

/** « Élève → Enseignant de ses classes »: one rule, as the admin screen and reasons show it. */
export function describeRule(rule: CommunicationRuleData): string {
  return `${PROFILE_LABELS[rule.senderProfile]} → ${targetLabel(rule.target)} ${SCOPE_PHRASES[rule.scope]}`;
}

/** Sorts rules in a stable, readable order: sender, then target, then scope, as declared. */
export function sortRules<T extends CommunicationRuleData>(rules: readonly T[]): T[] {
  const rank = (rule: CommunicationRuleData) => [
    PROFILES.indexOf(rule.senderProfile),
    TARGETS.indexOf(rule.target),
    SCOPES.indexOf(rule.scope),
  ];
  return [...rules].sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    for (let i = 0; i < ra.length; i += 1) {
      const difference = (ra[i] ?? 0) - (rb[i] ?? 0);
      if (difference !== 0) return difference;
    }
    return 0;
  });
}

/** Whether two rule lists hold the same rules, whatever their order. */
export function sameRules(
  a: readonly CommunicationRuleData[],
  b: readonly CommunicationRuleData[],
): boolean {
  const keys = (rules: readonly CommunicationRuleData[]) => new Set(rules.map(ruleKey));
  const [ka, kb] = [keys(a), keys(b)];
  return ka.size === kb.size && [...ka].every((key) => kb.has(key));
}

/**
 * Checks a full rule list before it replaces an école's: known sender profiles, targets and
 * scopes, scopes that suit the target, no duplicate. Throws a 400 naming the first faulty rule
 * (`rules.<index>.<field>`), so nothing is written.
 */
export function validateRules(rules: readonly unknown[]): CommunicationRuleData[] {
  const seen = new Map<string, number>();
  return rules.map((input, index) => {
    const at = `rules.${index}`;
    const rule = (input ?? {}) as Partial<Record<keyof CommunicationRuleData, unknown>>;
    if (typeof rule.senderProfile !== 'string' || !isProfile(rule.senderProfile)) {
      throw Boom.badRequest(`${at}.senderProfile : profil inconnu (${PROFILES.join(', ')}).`);
    }
    if (typeof rule.target !== 'string' || !TARGETS.includes(rule.target as CommunicationTarget)) {
      throw Boom.badRequest(`${at}.target : destinataire inconnu (${TARGETS.join(', ')}).`);
    }
    if (typeof rule.scope !== 'string' || !SCOPES.includes(rule.scope as CommunicationScope)) {
      throw Boom.badRequest(`${at}.scope : portée inconnue (${SCOPES.join(', ')}).`);
    }
    const valid = {
      senderProfile: rule.senderProfile,
      target: rule.target as CommunicationTarget,
      scope: rule.scope as CommunicationScope,
    };
    if (isGroupTarget(valid.target) && !GROUP_SCOPES[valid.target].includes(valid.scope)) {
      throw Boom.badRequest(
        `${at}.scope : pour ${valid.target}, la portée doit être ` +
          `${GROUP_SCOPES[valid.target].join(' ou ')}.`,
      );
    }
    const key = ruleKey(valid);
    const previous = seen.get(key);
    if (previous !== undefined) {
      throw Boom.badRequest(`${at} : règle en double (identique à rules.${previous}).`);
    }
    seen.set(key, index);
    return valid;
  });
}

export function isGroupTarget(
  target: CommunicationTarget,
): target is (typeof GROUP_TARGETS)[number] {
  return (GROUP_TARGETS as readonly string[]).includes(target);
}

/** A database row of `communication_rules`, as both engines return it. */
export interface CommunicationRuleRow {
  ecole_id: number;
  sender_profile: string;
  target: string;
  scope: string;
}

/** Reads rows into rules, dropping any a newer version left that this one does not know. */
export function rulesFromRows(rows: readonly CommunicationRuleRow[]): CommunicationRule[] {
  const rules: CommunicationRule[] = [];
  for (const row of rows) {
    if (
      isProfile(row.sender_profile) &&
      TARGETS.includes(row.target as CommunicationTarget) &&
      SCOPES.includes(row.scope as CommunicationScope)
    ) {
      rules.push({
        ecoleId: Number(row.ecole_id),
        senderProfile: row.sender_profile,
        target: row.target as CommunicationTarget,
        scope: row.scope as CommunicationScope,
      });
    }
  }
  return rules;
}

function ruleKey(rule: CommunicationRuleData): string {
  return `${rule.senderProfile}>${rule.target}@${rule.scope}`;
}
