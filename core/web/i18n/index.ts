export { localized, profileName, shellCatalogue, t } from './catalogue.js';
export type { MessageKey } from './fr.js';
