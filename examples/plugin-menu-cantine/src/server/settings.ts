import type { PluginContext } from '@preau/sdk';

import { DEFAULT_SETTINGS, type MenuSettings } from '../menu.js';

/**
 * The settings in force for an école. Préau gives the platform's and the école's values; the
 * manifest's defaults fill whatever neither has set, and a value of the wrong type (an older
 * version's) is ignored rather than trusted.
 */
export async function settingsOf(ctx: PluginContext, ecoleId: number): Promise<MenuSettings> {
  const raw = await ctx.settings.forEcole<Partial<Record<keyof MenuSettings, unknown>>>(ecoleId);
  const pick = <K extends keyof MenuSettings>(key: K, type: 'boolean' | 'string') =>
    (typeof raw?.[key] === type ? raw[key] : DEFAULT_SETTINGS[key]) as MenuSettings[K];
  return {
    showAllergens: pick('showAllergens', 'boolean'),
    serviceLabel: pick('serviceLabel', 'string'),
    wednesdayMeals: pick('wednesdayMeals', 'boolean'),
  };
}
