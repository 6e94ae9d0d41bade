import { css, html, nothing, PreauApiError, preauWidgetStyles } from '@preau/sdk/widget';

import { NotificationsElement } from './base.js';
import { pageStyles } from './styles.js';
import type { Item } from './types.js';

/** The bounds of a report's reason (the server checks them too). */
export const REASON_MIN = 5;
export const REASON_MAX = 500;

/**
 * `<notifications-report-dialog>`: « Signaler », a native modal `<dialog>` asking why the item
 * is inappropriate. The reason is checked here (required, 5–500 characters, the message next
 * to the field) and by the server; a sent report says « Merci, la direction de l’école a été
 * prévenue. », a second one « Vous avez déjà signalé ce contenu. ». Closing (Escape, « Annuler »,
 * « Fermer ») gives the focus back to the button that opened it. Fires `notifications-reported`
 * (`detail: { id }`) once the item counts as reported.
 */
export class ReportDialog extends NotificationsElement {
  static override properties = {
    ...NotificationsElement.properties,
    item: { state: true },
    reason: { state: true },
    fieldError: { state: true },
    problem: { state: true },
    outcome: { state: true },
    busy: { state: true },
  };
  static override styles = [
    preauWidgetStyles,
    pageStyles,
    css`
      dialog {
        width: min(36rem, calc(100vw - 2rem));
        max-height: calc(100vh - 2rem);
        padding: var(--preau-space-m, 1rem);
        color: var(--preau-color-text, CanvasText);
        background: var(--preau-color-surface, Canvas);
        border: var(--preau-border-width, 1px) solid var(--preau-color-border, GrayText);
        border-radius: var(--preau-radius, 0.25rem);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 50%);
      }
      textarea {
        width: 100%;
        min-height: 6rem;
      }
      .quoted {
        font-weight: 600;
        overflow-wrap: anywhere;
      }
    `,
  ];

  declare item: Item | null;
  declare reason: string;
  declare fieldError: string | null;
  declare problem: string | null;
  /** After sending: the sentence to show in place of the form. */
  declare outcome: string | null;
  declare busy: boolean;

  private opener: HTMLElement | null = null;

  constructor() {
    super();
    this.item = null;
    this.reason = '';
    this.fieldError = null;
    this.problem = null;
    this.outcome = null;
    this.busy = false;
  }

  /** Opens the dialog for `item`; `opener` gets the focus back when it closes. */
  async open(item: Item, opener: HTMLElement | null): Promise<void> {
    this.item = item;
    this.opener = opener;
    this.reason = '';
    this.fieldError = null;
    this.problem = null;
    this.outcome = null;
    await this.updateComplete;
    const dialog = this.dialog;
    if (dialog && !dialog.open) dialog.showModal();
    this.renderRoot.querySelector<HTMLTextAreaElement>('textarea')?.focus();
  }

  override render() {
    const item = this.item;
    return html`<dialog aria-labelledby="report-title" @close=${this.onClose}>
      <h2 id="report-title">${this.t('report.title')}</h2>
      ${item ? html`<p class="quoted">« ${item.title} » — ${item.pluginName}</p>` : nothing}
      ${this.outcome ? this.renderOutcome() : this.renderForm()}
    </dialog>`;
  }

  private renderOutcome() {
    return html`<p role="status" class="success">${this.outcome}</p>
      <div class="actions">
        <button type="button" @click=${() => this.close()}>${this.t('report.close')}</button>
      </div>`;
  }

  private renderForm() {
    const invalid = this.fieldError !== null;
    return html`<form novalidate @submit=${this.submit}>
      <p>${this.t('report.intro')}</p>
      <div class="field">
        <label for="reason">${this.t('report.reason')}</label>
        <span id="reason-hint" class="muted">${this.t('report.hint')}</span>
        <textarea
          id="reason"
          name="reason"
          required
          maxlength=${REASON_MAX + 100}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${invalid ? 'reason-error reason-hint' : 'reason-hint'}
          .value=${this.reason}
          @input=${(event: Event) => {
            this.reason = (event.target as HTMLTextAreaElement).value;
            if (this.fieldError) this.fieldError = this.check(this.reason);
          }}
        ></textarea>
        ${invalid ? html`<p id="reason-error" class="field-error">${this.fieldError}</p>` : nothing}
      </div>
      <div role="alert">${this.problem ? html`<p class="error">${this.problem}</p>` : nothing}</div>
      <div class="actions">
        <button type="submit" ?disabled=${this.busy}>${this.t('report.send')}</button>
        <button type="button" class="secondary" @click=${() => this.close()}>
          ${this.t('report.cancel')}
        </button>
      </div>
    </form>`;
  }

  /** The message for a wrong reason, or null when it is fine. */
  private check(reason: string): string | null {
    const length = reason.trim().length;
    if (length === 0) return this.t('report.required');
    if (length < REASON_MIN) return this.t('report.too-short');
    if (length > REASON_MAX) return this.t('report.too-long', { count: length });
    return null;
  }

  private async submit(event: Event) {
    event.preventDefault();
    const item = this.item;
    if (!item || this.busy) return;
    this.fieldError = this.check(this.reason);
    this.problem = null;
    if (this.fieldError) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLTextAreaElement>('textarea')?.focus();
      return;
    }
    this.busy = true;
    try {
      await this.pluginApi!.post(`/items/${item.id}/report`, { reason: this.reason.trim() });
      this.outcome = this.t('report.done');
      this.reported(item);
    } catch (error) {
      if (error instanceof PreauApiError && error.status === 409) {
        this.outcome = this.t('report.already');
        this.reported(item);
      } else if (error instanceof PreauApiError && error.status === 400) {
        // The server's sentence belongs next to the only field.
        this.fieldError = error.problems[0]?.message ?? error.message;
      } else {
        this.problem = (error as Error).message;
      }
    } finally {
      this.busy = false;
    }
    if (this.outcome) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLButtonElement>('.actions button')?.focus();
    }
  }

  private reported(item: Item) {
    this.dispatchEvent(
      new CustomEvent('notifications-reported', {
        detail: { id: item.id },
        bubbles: true,
        composed: true,
      }),
    );
  }

  private close() {
    this.dialog?.close();
  }

  private readonly onClose = () => {
    const opener = this.opener;
    this.opener = null;
    // The opener may have been replaced (the item now says « Signalé »): fall back to the list.
    if (opener?.isConnected) opener.focus();
    else this.dispatchEvent(new CustomEvent('notifications-dialog-closed', { bubbles: true }));
  };

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }
}

if (!customElements.get('notifications-report-dialog')) {
  customElements.define('notifications-report-dialog', ReportDialog);
}
