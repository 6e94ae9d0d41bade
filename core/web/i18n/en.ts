import type { MessageKey } from './fr.js';

/** The shell's English messages: every French key must be here (the type checks it). */
export const en: Record<MessageKey, string> = {
  'app.defaultName': 'Préau',
  'app.skipLink': 'Skip to content',
  'app.skipNav': 'Quick access',
  'app.loading': 'Loading…',
  'app.bootFailed': 'Préau could not start.',
  'app.retry': 'Try again',
  'app.pageTitle': '{page} – {portal}',
  'app.sessionExpired': 'Your session has expired: please sign in again.',
  'app.actionFailed': 'That did not work: {message}',

  'login.title': 'Sign in to {name}',
  'login.whoAmI': 'I am…',
  'login.as.eleve': 'Pupil',
  'login.as.parent': 'Parent',
  'login.as.enseignant': 'Teacher',
  'login.as.personnel': 'Staff',
  'login.note':
    'Signing in with ÉduConnect (pupils and parents) and with the academic account (teachers) ' +
    'is coming soon. Meanwhile, enter the username and password your school gave you.',
  'login.chosen': 'Signing in as: {role}.',
  'login.login': 'Username',
  'login.password': 'Password',
  'login.showPassword': 'Show the password',
  'login.submit': 'Sign in',
  'login.pending': 'Signing in…',
  'login.missing': 'Enter your username and your password.',

  'header.profile': 'Profile',
  'header.profileOption': '{profile} – {ecole}',
  'header.child': 'Child',
  'header.nav': 'Main navigation',
  'header.contrast': 'High contrast',
  'header.language': 'Language',
  'header.logout': 'Sign out',
  'header.menu': 'Menu',
  'header.preferences': 'Preferences',

  'page.dashboard': 'Dashboard',
  'page.launcher': 'My apps',
  'page.preferences': 'Preferences',
  'page.notFound': 'Page not found',

  'dashboard.noEcole':
    'Your account acts in no school: a school’s dashboard and apps show for its members.',
  'dashboard.unavailable': 'The dashboard could not be loaded.',

  'launcher.empty':
    'No app is enabled for your school yet. Your head teacher or your town hall can enable some.',

  'plugin.loading': 'Loading…',
  'plugin.notFound': 'This page does not exist or is not available to you.',
  'plugin.failed': 'This page could not be loaded.',
  'plugin.backToLauncher': 'See all apps',

  'notFound.text': 'This address matches no page of Préau.',
  'notFound.back': 'Back to the home page',

  'preferences.theme': 'Display theme',
  'preferences.language': 'Interface language',
  'preferences.save': 'Save',
  'preferences.saved': 'Your preferences are saved.',

  'announce.contrastOn': 'High contrast on.',
  'announce.contrastOff': 'High contrast off.',
  'announce.profile': 'You now act as {profile} at {ecole}.',
  'announce.child': 'Child chosen: {child}.',
};

/** Profile names in English; in French the server's `profileLabel` is used as it is. */
export const englishProfileLabels: Readonly<Record<string, string>> = {
  ELV: 'Pupil',
  TUT: 'Parent',
  ENS: 'Teacher',
  DIR: 'Head teacher',
  EVS: 'School life',
  ETA: 'Administrative staff',
  ACA: 'District office',
  DOC: 'Librarian',
  COL: 'Municipal staff',
  PRT: 'Partner',
  INV: 'Guest',
};
