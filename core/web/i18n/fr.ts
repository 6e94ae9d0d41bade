/**
 * The shell's French messages: the reference catalogue (English must give every key, see en.ts).
 * Visible names here are relied on by the e2e tests: change them together.
 */
export const fr = {
  'app.defaultName': 'Préau',
  'app.skipLink': 'Aller au contenu',
  'app.skipNav': 'Accès rapide',
  'app.loading': 'Chargement…',
  'app.bootFailed': 'Préau n’a pas pu démarrer.',
  'app.retry': 'Réessayer',
  'app.pageTitle': '{page} – {portal}',
  'app.sessionExpired': 'Votre session a expiré : reconnectez-vous.',
  'app.actionFailed': 'L’action n’a pas abouti : {message}',

  'login.title': 'Connexion à {name}',
  'login.whoAmI': 'Je suis…',
  'login.as.eleve': 'Élève',
  'login.as.parent': 'Parent',
  'login.as.enseignant': 'Enseignant',
  'login.as.personnel': 'Personnel',
  'login.note':
    'La connexion avec ÉduConnect (élèves et parents) et avec le compte académique ' +
    '(enseignants) arrivera bientôt. En attendant, saisissez l’identifiant et le mot de passe ' +
    'donnés par votre école.',
  'login.chosen': 'Connexion en tant que : {role}.',
  'login.login': 'Identifiant',
  'login.password': 'Mot de passe',
  'login.showPassword': 'Afficher le mot de passe',
  'login.submit': 'Se connecter',
  'login.pending': 'Connexion en cours…',
  'login.missing': 'Saisissez votre identifiant et votre mot de passe.',

  'header.profile': 'Profil',
  'header.profileOption': '{profile} – {ecole}',
  'header.child': 'Enfant',
  'header.nav': 'Navigation principale',
  'header.contrast': 'Contraste élevé',
  'header.language': 'Langue',
  'header.logout': 'Se déconnecter',
  'header.menu': 'Menu',
  'header.preferences': 'Préférences',

  'page.dashboard': 'Tableau de bord',
  'page.launcher': 'Mes applis',
  'page.preferences': 'Préférences',
  'page.notFound': 'Page introuvable',

  'dashboard.noEcole':
    'Votre compte n’agit dans aucune école : le tableau de bord et les applis d’une école ' +
    's’affichent pour ses membres.',
  'dashboard.unavailable': 'Le tableau de bord n’a pas pu être chargé.',

  'launcher.empty':
    'Aucune appli n’est encore activée pour votre école. Votre directeur ou votre mairie ' +
    'peut en activer.',

  'plugin.loading': 'Chargement…',
  'plugin.notFound': 'Cette page n’existe pas ou ne vous est pas accessible.',
  'plugin.failed': 'Cette page n’a pas pu être chargée.',
  'plugin.backToLauncher': 'Voir toutes les applis',

  'notFound.text': 'Cette adresse ne correspond à aucune page de Préau.',
  'notFound.back': 'Revenir à l’accueil',

  'preferences.theme': 'Thème d’affichage',
  'preferences.language': 'Langue de l’interface',
  'preferences.save': 'Enregistrer',
  'preferences.saved': 'Vos préférences sont enregistrées.',

  'announce.contrastOn': 'Contraste élevé activé.',
  'announce.contrastOff': 'Contraste élevé désactivé.',
  'announce.profile': 'Vous agissez maintenant comme {profile} à {ecole}.',
  'announce.child': 'Enfant choisi : {child}.',
} as const;

/** A key of the shell's catalogue. */
export type MessageKey = keyof typeof fr;
