import { html } from '@preau/sdk/widget';

import type { SearchGroup } from './types.js';

/**
 * The results grouped by service: the service's name as heading, then each result's title as a
 * link to its page, with the extract of its text where the words were found.
 */
export function renderGroups(groups: readonly SearchGroup[], idPrefix: string) {
  return groups.map(
    (group, index) =>
      html`<section class="group" aria-labelledby="${idPrefix}-group-${index}">
        <h2 id="${idPrefix}-group-${index}">${group.pluginName}</h2>
        <ul class="results">
          ${group.results.map(
            (result) =>
              html`<li>
                <a href=${result.url}>${result.title}</a>
                ${result.snippet ? html`<p class="snippet">${result.snippet}</p>` : ''}
              </li>`,
          )}
        </ul>
      </section>`,
  );
}
