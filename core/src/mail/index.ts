export { noMailer, type Mailer } from './mailer.js';
export { checkMessage, MAX_SUBJECT_LENGTH } from './message-checks.js';
export { findRecipient, type Recipient } from './recipients.js';
export { SmtpMailer } from './smtp-mailer.js';
export { createMailTransport, type MailTransport, type OutgoingMail } from './transport.js';
