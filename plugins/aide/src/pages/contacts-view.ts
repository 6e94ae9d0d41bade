import { html, nothing, type TemplateResult } from '@preau/sdk/widget';

import { CONTACT_FIELDS, type Contact } from './types.js';

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The école's support contacts, each as a description list. */
export function renderContacts(contacts: Contact[], t: Translate): TemplateResult {
  if (contacts.length === 0) return html`<p>${t('contacts.none')}</p>`;
  return html`<ul class="contacts" role="list">
    ${contacts.map(
      (contact) =>
        html`<li>
          <h3>${contact.name}</h3>
          <dl class="contact">
            ${CONTACT_FIELDS.filter((field) => field !== 'name' && contact[field]).map(
              (field) =>
                html`<dt>${t(`field.${field}`)}</dt>
                  <dd>${renderValue(field, contact[field]!)}</dd>`,
            )}
          </dl>
        </li>`,
    )}
  </ul>`;
}

/** The form editing the whole list; `update` receives the list after each keystroke. */
export function renderContactsForm(
  contacts: Contact[],
  t: Translate,
  handlers: {
    update(contacts: Contact[]): void;
    save(event: Event): void;
    cancel(): void;
    busy: boolean;
  },
): TemplateResult {
  const set = (index: number, field: (typeof CONTACT_FIELDS)[number], value: string) =>
    handlers.update(contacts.map((c, i) => (i === index ? { ...c, [field]: value } : c)));
  return html`<form @submit=${handlers.save} novalidate>
    ${contacts.map(
      (contact, index) =>
        html`<fieldset>
          <legend>${t('contacts.contact', { n: index + 1 })}</legend>
          ${CONTACT_FIELDS.map(
            (field) =>
              html`<label
                >${t(`field.${field}`)}
                <input
                  name=${`${field}-${index}`}
                  type=${field === 'email' ? 'email' : field === 'phone' ? 'tel' : 'text'}
                  autocomplete="off"
                  ?required=${field === 'name'}
                  .value=${contact[field] ?? ''}
                  @input=${(event: Event) =>
                    set(index, field, (event.target as HTMLInputElement).value)}
              /></label>`,
          )}
          <div class="actions">
            <button
              type="button"
              @click=${() => handlers.update(contacts.filter((_, i) => i !== index))}
            >
              ${t('contacts.remove', { n: index + 1 })}
            </button>
          </div>
        </fieldset>`,
    )}
    <div class="actions">
      ${
        contacts.length < 10
          ? html`<button type="button" @click=${() => handlers.update([...contacts, { name: '' }])}>
              ${t('contacts.add')}
            </button>`
          : nothing
      }
      <button type="submit" ?disabled=${handlers.busy}>${t('contacts.save')}</button>
      <button type="button" @click=${handlers.cancel}>${t('contacts.cancel')}</button>
    </div>
  </form>`;
}

/** Only the filled fields, trimmed, as the API expects them. */
export function cleanContacts(contacts: Contact[]): Contact[] {
  return contacts.map((contact) => {
    const clean: Contact = { name: contact.name.trim() };
    for (const field of CONTACT_FIELDS) {
      const value = contact[field]?.trim();
      if (field !== 'name' && value) clean[field] = value;
    }
    return clean;
  });
}

// Module-private helpers.

function renderValue(field: string, value: string): TemplateResult | string {
  if (field === 'email') return html`<a href=${`mailto:${value}`}>${value}</a>`;
  if (field === 'phone')
    return html`<a href=${`tel:${value.replace(/[^0-9+]/g, '')}`}>${value}</a>`;
  return value;
}
