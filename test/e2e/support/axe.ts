import { createRequire } from 'node:module';

import type { Page } from 'playwright-core';

/** RGAA 4 follows WCAG 2.1 AA: the rules axe-core files under these tags. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** A violation worth failing a test for: serious or critical. */
export interface AxeProblem {
  id: string;
  impact: 'serious' | 'critical';
  help: string;
  helpUrl: string;
  /** CSS selectors of the offending elements (through shadow roots: one selector per level). */
  targets: string[];
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * Runs axe-core on the page as it is now and returns its serious and critical violations.
 * The page's Content-Security-Policy forbids injected scripts: open the page in a context with
 * `bypassCSP: true`.
 */
export async function seriousViolations(page: Page): Promise<AxeProblem[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async (tags) => {
    interface AxeResult {
      violations: Array<{
        id: string;
        impact?: string | null;
        help: string;
        helpUrl: string;
        nodes: Array<{ target: unknown[] }>;
      }>;
    }
    const axe = (window as unknown as { axe: { run(...args: unknown[]): Promise<AxeResult> } }).axe;
    const results = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return results.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({
        id: violation.id,
        impact: violation.impact as 'serious' | 'critical',
        help: violation.help,
        helpUrl: violation.helpUrl,
        targets: violation.nodes.map((node) => node.target.flat().join(' >>> ')),
      }));
  }, WCAG_TAGS);
}

/** A failure message that says what to fix and where. */
export function describeViolations(problems: readonly AxeProblem[]): string {
  if (problems.length === 0) return 'aucune violation grave';
  return problems
    .map(
      (problem) =>
        `[${problem.impact}] ${problem.id} : ${problem.help} (${problem.helpUrl})\n` +
        problem.targets.map((target) => `    - ${target}`).join('\n'),
    )
    .join('\n');
}
