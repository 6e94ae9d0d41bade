import type { BrowserContext, Page } from 'playwright-core';

import { DEMO_PASSWORD } from './accounts.js';

/** The login form's fields and button, by the names people see. */
export function loginForm(page: Page) {
  return {
    login: page.getByLabel('Identifiant', { exact: true }),
    password: page.getByLabel('Mot de passe', { exact: true }),
    submit: page.getByRole('button', { name: 'Se connecter', exact: true }),
  };
}

/** The dashboard's page heading. */
export function dashboardHeading(page: Page) {
  return page.getByRole('heading', { name: 'Tableau de bord', exact: true });
}

/**
 * Logs in as a person would: opens the portal, fills « Identifiant » and « Mot de passe »,
 * clicks « Se connecter », and waits for the dashboard's heading.
 */
export async function logIn(page: Page, login: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/');
  const form = loginForm(page);
  await form.login.fill(login);
  await form.password.fill(password);
  await form.submit.click();
  await dashboardHeading(page).waitFor();
}

/** Logs in through the JSON API: the context's pages then open with a session. */
export async function logInThroughApi(
  context: BrowserContext,
  login: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  const response = await context.request.post('/api/auth/login', { data: { login, password } });
  if (response.status() !== 200) {
    throw new Error(
      `connexion de ${login} refusée (${response.status()}) : ${await response.text()}`,
    );
  }
}
