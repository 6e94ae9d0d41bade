/**
 * The pictograms every Préau theme draws (`themes/<name>/icons/<name>.svg`). A navigation entry
 * names one of them as its `icon`, or gives the path of an image file of its own package; core
 * refuses a plugin that names any other, so a typo never shows as a bare letter in « Mes applis ».
 *
 * @example
 * ```json
 * "navigation": [{ "id": "menus", "label": { "fr": "Menus" }, "path": "/", "icon": "repas" }]
 * ```
 */
export const THEME_ICONS = [
  'actualites', // actualités, journal
  'aide', // aide
  'apps', // applications
  'blog', // blog
  'cahier', // cahier de textes
  'calendrier', // agenda, calendrier
  'child', // enfant
  'cloche', // notifications
  'close', // fermer
  'contrast', // contraste
  'documents', // dossier, fichiers
  'drag', // déplacer
  'ecole', // école
  'forum', // forum, discussion
  'home', // accueil
  'language', // langue
  'liaison', // carnet de liaison
  'logout', // déconnexion
  'menu', // menu
  'messagerie', // messagerie
  'plus', // ajouter
  'recherche', // recherche
  'reglages', // réglages
  'repas', // cantine, repas
  'retry', // réessayer
  'statistiques', // statistiques
  'user', // personne
] as const;

/** The name of a pictogram every theme draws. */
export type ThemeIcon = (typeof THEME_ICONS)[number];
