/** The password of every documented demo account (README.md, « Demo accounts »). */
export const DEMO_PASSWORD = 'Preau-Demo-2026!';

export const ECOLES = {
  julesFerry: 'École élémentaire Jules-Ferry',
  tilleuls: 'École maternelle Les Tilleuls',
  petitPrince: 'École primaire Le Petit-Prince',
} as const;

/** A demo account as the e2e tests expect to see it after logging in. */
export interface DemoProfile {
  login: string;
  firstName: string;
  lastName: string;
  /** How the README names the profile. */
  role: string;
  /** The école shown in the header after login. */
  ecole: string;
  /** Whether the e2e portal enables « vitrine » there (not at Le Petit-Prince, see portal.ts). */
  vitrine: boolean;
}

const profile = (
  login: string,
  firstName: string,
  lastName: string,
  role: string,
  ecole: string,
): DemoProfile => ({
  login,
  firstName,
  lastName,
  role,
  ecole,
  vitrine: ecole !== ECOLES.petitPrince,
});

/** One demo account per profile, as in README.md's table. */
export const DEMO_PROFILES: readonly DemoProfile[] = [
  profile('lea.martin', 'Léa', 'Martin', 'élève', ECOLES.julesFerry),
  profile('camille.martin', 'Camille', 'Martin', 'parent', ECOLES.julesFerry),
  profile('sophie.lefebvre', 'Sophie', 'Lefebvre', 'enseignante', ECOLES.julesFerry),
  profile('marc.dubois', 'Marc', 'Dubois', 'directeur', ECOLES.julesFerry),
  profile('nadia.moreau', 'Nadia', 'Moreau', 'ATSEM (COL)', ECOLES.tilleuls),
  profile('anne.girard', 'Anne', 'Girard', 'IEN', ECOLES.julesFerry),
  profile('julien.roux', 'Julien', 'Roux', 'partenaire', ECOLES.julesFerry),
  profile('claire.fontaine', 'Claire', 'Fontaine', 'enseignante', ECOLES.petitPrince),
];

/** The names the pages show for the two plugins' contributions. */
export const NAMES = {
  menuWidget: 'Menu du jour',
  menuApp: 'Menus de la cantine',
  citationWidget: 'Citation du jour',
  meteoWidget: 'Météo',
  vitrineApp: 'Vitrine de l’école',
  /** What « Citation du jour » shows (test/e2e/fixtures/plugin-vitrine/index.js). */
  citationText: 'Chaque jour est une page blanche : écrivons-la ensemble.',
} as const;

/** Dashboard keys of the widgets. */
export const WIDGETS = {
  menu: 'menu-cantine/menu-du-jour',
  citation: 'vitrine/citation-du-jour',
  meteo: 'vitrine/meteo',
} as const;
