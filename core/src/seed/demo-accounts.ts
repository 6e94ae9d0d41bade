import type { Profile } from '../directory/profiles.js';

/**
 * The one password of every documented demo account. It satisfies the 80-bit rule required of
 * administrators, so the same password works everywhere. Demo only: change it or reseed for
 * anything real.
 */
export const DEMO_PASSWORD = 'Preau-Demo-2026!';

/** A documented demo account, as the README table and `preau demo accounts --json` show it. */
export interface DemoAccount {
  login: string;
  password: string;
  /** Profile code, or 'ADMIN_COLLECTIVITE' / 'ADMIN_PLATEFORME' for administrators. */
  profile: Profile | 'ADMIN_COLLECTIVITE' | 'ADMIN_PLATEFORME';
  /** How the profile is called in French. */
  role: string;
  firstName: string;
  lastName: string;
  /** École (or collectivité, for administrators) the account belongs to. */
  school: string;
  /** What to look at with this account. */
  note: string;
}

const account = (
  login: string,
  profile: DemoAccount['profile'],
  role: string,
  firstName: string,
  lastName: string,
  school: string,
  note: string,
): DemoAccount => ({
  login,
  password: DEMO_PASSWORD,
  profile,
  role,
  firstName,
  lastName,
  school,
  note,
});

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  account(
    'lea.martin',
    'ELV',
    'Élève',
    'Léa',
    'Martin',
    'École élémentaire Jules-Ferry',
    'CM1-CM2',
  ),
  account(
    'noe.martin',
    'ELV',
    'Élève',
    'Noé',
    'Martin',
    'École élémentaire Jules-Ferry',
    'CP, frère de Léa',
  ),
  account(
    'lucas.garnier',
    'ELV',
    'Élève',
    'Lucas',
    'Garnier',
    'École maternelle Les Tilleuls',
    'Grande section',
  ),
  account(
    'camille.martin',
    'TUT',
    'Parent',
    'Camille',
    'Martin',
    'École élémentaire Jules-Ferry',
    'mère de Léa (CM1-CM2) et de Noé (CP)',
  ),
  account(
    'sophie.lefebvre',
    'ENS',
    'Enseignante',
    'Sophie',
    'Lefebvre',
    'École élémentaire Jules-Ferry',
    'classe de CM1-CM2',
  ),
  account(
    'marc.dubois',
    'DIR',
    'Directeur',
    'Marc',
    'Dubois',
    'École élémentaire Jules-Ferry',
    'directeur, enseigne aussi en CP',
  ),
  account(
    'nadia.moreau',
    'COL',
    'ATSEM',
    'Nadia',
    'Moreau',
    'École maternelle Les Tilleuls',
    'personnel municipal : saisit les menus',
  ),
  account(
    'anne.girard',
    'ACA',
    'Inspectrice (IEN)',
    'Anne',
    'Girard',
    'Circonscription de Beaulieu',
    'IEN : écoles Jules-Ferry et Les Tilleuls',
  ),
  account(
    'julien.roux',
    'PRT',
    'Partenaire',
    'Julien',
    'Roux',
    'École élémentaire Jules-Ferry',
    'intervenant musique',
  ),
  account(
    'claire.fontaine',
    'ENS',
    'Enseignante',
    'Claire',
    'Fontaine',
    'École primaire Le Petit-Prince',
    'autre collectivité : CE1-CE2',
  ),
  account(
    'thomas.petit',
    'TUT',
    'Parent',
    'Thomas',
    'Petit',
    'École primaire Le Petit-Prince',
    'autre collectivité : père de Jade',
  ),
  account(
    'jade.petit',
    'ELV',
    'Élève',
    'Jade',
    'Petit',
    'École primaire Le Petit-Prince',
    'autre collectivité : CE1-CE2',
  ),
  account(
    'admin.beaulieu',
    'ADMIN_COLLECTIVITE',
    'Administrateur de collectivité',
    'Paul',
    'Lambert',
    'Ville de Beaulieu-sur-Rance',
    'administre Jules-Ferry et Les Tilleuls',
  ),
  account(
    'admin.saint-aubin',
    'ADMIN_COLLECTIVITE',
    'Administratrice de collectivité',
    'Inès',
    'Marchand',
    'Commune de Saint-Aubin-des-Landes',
    'administre Le Petit-Prince',
  ),
  account(
    'admin.plateforme',
    'ADMIN_PLATEFORME',
    'Administrateur de la plateforme',
    'Karim',
    'Benali',
    'Plateforme Préau',
    'toutes les collectivités',
  ),
];
