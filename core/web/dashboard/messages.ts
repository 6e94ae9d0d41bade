import { translate, type Catalogue, type MessageValues, type PreauLocale } from '@preau/sdk/widget';

/**
 * Every sentence the dashboard shows or announces, French first. The e2e tests find controls by
 * these French names (see the portal brief): change them only together with the tests.
 */
export const catalogue: Catalogue = {
  fr: {
    heading: 'Tableau de bord',
    customise: 'Personnaliser',
    done: 'Terminer',
    editHint:
      'Déplacez un widget avec sa poignée (à la souris, ou au clavier avec les flèches) ou avec les boutons « Monter » et « Descendre ». Chaque changement est enregistré aussitôt.',
    addWidget: 'Ajouter un widget',
    addThis: 'Ajouter « {title} »',
    addPanel: 'Widgets que vous pouvez ajouter',
    allAdded: 'Tous les widgets proposés sont déjà sur votre tableau de bord.',
    reset: 'Rétablir la disposition par défaut',
    move: 'Déplacer « {title} »',
    up: 'Monter « {title} »',
    down: 'Descendre « {title} »',
    grow: 'Agrandir « {title} »',
    shrink: 'Réduire « {title} »',
    remove: 'Retirer « {title} »',
    mandatory: 'Obligatoire',
    mandatoryTip: 'Votre école a placé ce widget : il ne peut pas être retiré.',
    size: 'Taille : {columns} × {rows}',
    loading: 'Chargement…',
    failed: 'Ce widget n’a pas pu être chargé.',
    timeout: 'Ce widget met trop de temps à répondre.',
    retry: 'Réessayer',
    loadFailed: 'Le tableau de bord n’a pas pu être chargé.',
    empty: 'Votre tableau de bord est vide pour l’instant.',
    emptyHint:
      'Choisissez « Personnaliser » puis « Ajouter un widget » pour y placer ce qui vous est utile.',
    emptyEditing: 'Choisissez « Ajouter un widget » pour placer votre premier widget.',
    noneOffered: 'Votre école ne propose encore aucun widget.',
    saveFailed: 'Votre modification n’a pas été enregistrée. {message}',
    resetFailed: 'La disposition par défaut n’a pas pu être rétablie. {message}',
    'announce.editing':
      'Personnalisation : déplacez, redimensionnez, ajoutez ou retirez des widgets',
    'announce.done': 'Personnalisation terminée',
    'announce.moved': '{title} déplacé en position {position} sur {count}',
    'announce.added': '{title} ajouté en position {position} sur {count}',
    'announce.removed': '{title} retiré du tableau de bord',
    'announce.grown': '{title} agrandi : {columns} × {rows}',
    'announce.shrunk': '{title} réduit : {columns} × {rows}',
    'announce.reset': 'Disposition par défaut rétablie',
    'announce.rolledBack': 'Modification annulée',
    'columns.one': '{count} colonne',
    'columns.other': '{count} colonnes',
    'rows.one': '{count} rangée',
    'rows.other': '{count} rangées',
  },
  en: {
    heading: 'Dashboard',
    customise: 'Customise',
    done: 'Done',
    editHint:
      'Move a widget with its handle (with the mouse, or with the arrow keys) or with the “Move up” and “Move down” buttons. Every change is saved at once.',
    addWidget: 'Add a widget',
    addThis: 'Add “{title}”',
    addPanel: 'Widgets you can add',
    allAdded: 'Every widget on offer is already on your dashboard.',
    reset: 'Restore the default layout',
    move: 'Move “{title}”',
    up: 'Move “{title}” up',
    down: 'Move “{title}” down',
    grow: 'Enlarge “{title}”',
    shrink: 'Shrink “{title}”',
    remove: 'Remove “{title}”',
    mandatory: 'Required',
    mandatoryTip: 'Your school placed this widget: it cannot be removed.',
    size: 'Size: {columns} × {rows}',
    loading: 'Loading…',
    failed: 'This widget could not be loaded.',
    timeout: 'This widget is taking too long to respond.',
    retry: 'Try again',
    loadFailed: 'The dashboard could not be loaded.',
    empty: 'Your dashboard is empty for now.',
    emptyHint: 'Choose “Customise”, then “Add a widget” to place what is useful to you.',
    emptyEditing: 'Choose “Add a widget” to place your first widget.',
    noneOffered: 'Your school offers no widget yet.',
    saveFailed: 'Your change was not saved. {message}',
    resetFailed: 'The default layout could not be restored. {message}',
    'announce.editing': 'Customising: move, resize, add or remove widgets',
    'announce.done': 'Customising finished',
    'announce.moved': '{title} moved to position {position} of {count}',
    'announce.added': '{title} added at position {position} of {count}',
    'announce.removed': '{title} removed from the dashboard',
    'announce.grown': '{title} enlarged: {columns} × {rows}',
    'announce.shrunk': '{title} shrunk: {columns} × {rows}',
    'announce.reset': 'Default layout restored',
    'announce.rolledBack': 'Change undone',
    'columns.one': '{count} column',
    'columns.other': '{count} columns',
    'rows.one': '{count} row',
    'rows.other': '{count} rows',
  },
};

/** A message of the dashboard's catalogue in `locale`. */
export function message(locale: PreauLocale, key: string, values?: MessageValues): string {
  return translate(catalogue, locale, key, values);
}

/** « 2 colonnes × 1 rangée »: a size said in words, for people and screen readers. */
export function sizeWords(locale: PreauLocale, w: number, h: number): MessageValues {
  // French counts 0 and 1 as singular, English 1 only; sizes start at 1, so both agree here.
  return {
    columns: message(locale, w === 1 ? 'columns.one' : 'columns.other', { count: w }),
    rows: message(locale, h === 1 ? 'rows.one' : 'rows.other', { count: h }),
  };
}
