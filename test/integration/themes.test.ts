import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { expect } from 'chai';

/*
 * The two theme packages are CSS only; this suite reads their files and checks what they
 * promise: every token the portal and the SDK use is defined, and the colour pairs reach the
 * WCAG 2.1 contrast ratios (AA for the default theme, AAA for the high-contrast one).
 */

const repository = fileURLToPath(new URL('../../..', import.meta.url));

/** The tokens every theme must define, whoever uses them today. */
const REQUIRED_TOKENS = [
  'color-text',
  'color-text-muted',
  'color-background',
  'color-surface',
  'color-border',
  'color-accent',
  'color-on-accent',
  'color-link',
  'color-focus',
  'color-danger',
  'color-success',
  'color-warning',
  'font-family',
  'font-size',
  'font-size-small',
  'font-size-large',
  'font-size-title',
  'line-height',
  'space-xs',
  'space-s',
  'space-m',
  'space-l',
  'space-xl',
  'radius',
  'border-width',
  'focus-width',
  'shadow',
  'touch-target',
  'touch-target-pupil',
].map((name) => `--preau-${name}`);

/** Text drawn on a background: [foreground, background]. */
const TEXT_PAIRS: Array<[string, string]> = [
  ['color-text', 'color-background'],
  ['color-text', 'color-surface'],
  ['color-text-muted', 'color-surface'],
  ['color-text-muted', 'color-background'],
  ['color-on-accent', 'color-accent'],
  // Buttons that delete (the menu-cantine page's « Oui, supprimer »).
  ['color-on-accent', 'color-danger'],
  ['color-link', 'color-background'],
  ['color-link', 'color-surface'],
  // Widgets draw their links in the accent colour (sdk/src/widget/styles.ts).
  ['color-accent', 'color-surface'],
  ['color-danger', 'color-surface'],
  ['color-success', 'color-surface'],
  ['color-warning', 'color-surface'],
];

/** Parts of the interface that must be seen, not read: WCAG 1.4.11 asks 3:1. */
const UI_PAIRS: Array<[string, string]> = [
  ['color-focus', 'color-background'],
  ['color-focus', 'color-surface'],
  ['color-border', 'color-surface'],
  ['color-border', 'color-background'],
];

const THEMES = [
  { name: 'default', text: 4.5, ui: 3 },
  { name: 'contraste', text: 7, ui: 3 },
] as const;

describe('themes: design tokens', () => {
  const used = tokensUsedInSources();

  for (const theme of THEMES) {
    describe(`the ${theme.name} theme`, () => {
      const tokens = readTokens(theme.name);

      it('defines every token the themes promise', () => {
        expect([...tokens.keys()]).to.include.members(REQUIRED_TOKENS);
      });

      it('defines every --preau-* token that the SDK, the shell and the plugins use', () => {
        const missing = [...used].filter((name) => !tokens.has(name));
        expect(missing, 'used but not defined').to.deep.equal([]);
      });

      for (const [foreground, background] of TEXT_PAIRS) {
        it(`gives ${foreground} on ${background} a contrast of at least ${theme.text}:1`, () => {
          const ratio = contrastRatio(colour(tokens, foreground), colour(tokens, background));
          expect(ratio).to.be.at.least(theme.text);
        });
      }

      for (const [foreground, background] of UI_PAIRS) {
        it(`gives ${foreground} against ${background} a contrast of at least ${theme.ui}:1`, () => {
          const ratio = contrastRatio(colour(tokens, foreground), colour(tokens, background));
          expect(ratio).to.be.at.least(theme.ui);
        });
      }

      it('gives touch targets at least 44 px, and 48 px where pupils act', () => {
        expect(pixels(tokens, 'touch-target')).to.be.at.least(44);
        expect(pixels(tokens, 'touch-target-pupil')).to.be.at.least(48);
      });

      it('outlines the keyboard focus with the focus tokens', () => {
        const css = readFileSync(tokensFile(theme.name), 'utf8');
        expect(css).to.match(
          /:focus-visible\s*{[^}]*outline:\s*var\(--preau-focus-width\)\s+solid\s+var\(--preau-color-focus\)/,
        );
      });

      it('stops animations for people who ask for reduced motion', () => {
        const css = readFileSync(tokensFile(theme.name), 'utf8');
        expect(css).to.match(/@media\s*\(prefers-reduced-motion:\s*reduce\)/);
      });
    });
  }

  it('writes default text at 1rem', () => {
    expect(readTokens('default').get('--preau-font-size')?.value).to.equal('1rem');
  });

  it('writes the high-contrast theme’s text at 1.25rem or more, small text at 1rem or more', () => {
    const tokens = readTokens('contraste');
    expect(rems(tokens, 'font-size')).to.be.at.least(1.25);
    expect(rems(tokens, 'font-size-small')).to.be.at.least(1);
    expect(rems(tokens, 'font-size-large')).to.be.above(rems(tokens, 'font-size'));
  });

  it('keeps the high-contrast accent whatever the collectivité’s branding sets inline', () => {
    const tokens = readTokens('contraste');
    expect(tokens.get('--preau-color-accent')?.important).to.equal(true);
    expect(tokens.get('--preau-color-on-accent')?.important).to.equal(true);
  });

  it('lets the collectivité’s accent replace the default one (not important)', () => {
    expect(readTokens('default').get('--preau-color-accent')?.important).to.equal(false);
  });

  it('defines the same tokens in both themes', () => {
    const names = (theme: string) => [...readTokens(theme).keys()].sort();
    expect(names('contraste')).to.deep.equal(names('default'));
  });

  it('draws the same icons in both themes, on a 24 × 24 grid in the text colour', () => {
    const icons = (theme: string) =>
      readdirSync(join(repository, 'themes', theme, 'icons'))
        .filter((file) => file.endsWith('.svg'))
        .sort();
    expect(icons('default')).to.include.members(['apps', 'home', 'logout', 'repas'].map(svg));
    expect(icons('contraste')).to.deep.equal(icons('default'));
    for (const theme of ['default', 'contraste']) {
      for (const file of icons(theme)) {
        const text = readFileSync(join(repository, 'themes', theme, 'icons', file), 'utf8');
        expect(text, `${theme}/${file}`).to.contain('viewBox="0 0 24 24"');
        expect(text, `${theme}/${file}`).to.contain('currentColor');
        expect(text, `${theme}/${file}`).not.to.match(/#[0-9a-f]{3,6}\b|rgb\(/i);
      }
    }
  });

  describe('the contrast computation', () => {
    it('gives 21:1 for black on white and 1:1 for a colour on itself', () => {
      expect(contrastRatio('#000000', '#ffffff')).to.be.closeTo(21, 0.001);
      expect(contrastRatio('#1b6b93', '#1b6b93')).to.equal(1);
    });

    it('gives the WCAG reference ratio of #767676 on white (4.54:1)', () => {
      expect(contrastRatio('#767676', '#fff')).to.be.closeTo(4.54, 0.01);
    });
  });
});

// Module-private helpers.

interface Token {
  value: string;
  important: boolean;
}

function tokensFile(theme: string): string {
  return join(repository, 'themes', theme, 'tokens.css');
}

/** The `--preau-*` declarations of the theme's `:root` rule. */
function readTokens(theme: string): Map<string, Token> {
  const css = readFileSync(tokensFile(theme), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const root = /:root\s*{([^}]*)}/.exec(css);
  if (!root) throw new Error(`themes/${theme}/tokens.css : pas de règle :root`);
  const tokens = new Map<string, Token>();
  for (const match of (root[1] ?? '').matchAll(/(--preau-[a-z0-9-]+)\s*:\s*([^;]+);/g)) {
    const raw = (match[2] ?? '').trim();
    const important = /!\s*important$/i.test(raw);
    const value = raw.replace(/!\s*important$/i, '').trim();
    tokens.set(match[1] ?? '', { value: value.replace(/\s+/g, ' '), important });
  }
  return tokens;
}

function colour(tokens: Map<string, Token>, name: string): string {
  const value = tokens.get(`--preau-${name}`)?.value;
  if (!value || !/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(value)) {
    throw new Error(`--preau-${name} : couleur hexadécimale attendue, trouvé « ${value} »`);
  }
  return value;
}

function pixels(tokens: Map<string, Token>, name: string): number {
  const match = /^(\d+(?:\.\d+)?)px$/.exec(tokens.get(`--preau-${name}`)?.value ?? '');
  if (!match) throw new Error(`--preau-${name} : valeur en px attendue`);
  return Number(match[1]);
}

function rems(tokens: Map<string, Token>, name: string): number {
  const match = /^(\d+(?:\.\d+)?)rem$/.exec(tokens.get(`--preau-${name}`)?.value ?? '');
  if (!match) throw new Error(`--preau-${name} : valeur en rem attendue`);
  return Number(match[1]);
}

/** WCAG 2.1 contrast ratio of two sRGB colours written #rgb or #rrggbb. */
function contrastRatio(first: string, second: string): number {
  const [lighter, darker] = [luminance(first), luminance(second)].sort((a, b) => b - a) as [
    number,
    number,
  ];
  return (lighter + 0.05) / (darker + 0.05);
}

/** WCAG relative luminance. */
function luminance(hex: string): number {
  let digits = hex.replace('#', '');
  if (digits.length === 3) digits = [...digits].map((digit) => digit + digit).join('');
  const [red, green, blue] = [0, 2, 4].map((start) => {
    const channel = parseInt(digits.slice(start, start + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
}

/** Every `--preau-*` name read (through var()) in the source folders of the browser code. */
function tokensUsedInSources(): Set<string> {
  const folders = [join(repository, 'sdk', 'src'), join(repository, 'core', 'web')];
  for (const parent of ['examples', 'plugins']) {
    const base = join(repository, parent);
    for (const entry of safeList(base)) folders.push(join(base, entry, 'src'));
  }
  const used = new Set<string>();
  for (const folder of folders) {
    for (const file of sourceFiles(folder)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/var\(\s*(--preau-[a-z0-9-]+)/g)) used.add(match[1] ?? '');
    }
  }
  return used;
}

function sourceFiles(folder: string): string[] {
  const files: string[] = [];
  for (const entry of safeList(folder)) {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) files.push(...sourceFiles(path));
    else if (/\.(ts|js|css|html)$/.test(entry)) files.push(path);
  }
  return files;
}

function safeList(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

function svg(name: string): string {
  return `${name}.svg`;
}
