import type { Page } from 'playwright-core';

/**
 * On a narrow screen the header folds its navigation and controls behind a « Menu » button:
 * opens it when it is shown (no-op on wide screens, where everything is in view).
 */
export async function unfoldHeader(page: Page): Promise<void> {
  const toggle = page.getByRole('banner').getByRole('button', { name: 'Menu', exact: true });
  if ((await toggle.count()) === 0 || !(await toggle.isVisible())) return;
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}
