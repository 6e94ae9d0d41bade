import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

/**
 * Markdown to safe HTML, on the server. Help files come from plugin packages that the
 * collectivité installed, not from Préau's team: whatever HTML they carry (a `<script>`, an
 * `onerror` attribute, a `javascript:` link) is stripped by an allow-list before any browser sees
 * it. Headings move down one level, because the help page's own `h1` is the topic's title.
 */

const ALLOWED_TAGS = [
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'br',
  'hr',
  'ul',
  'ol',
  'li',
  'strong',
  'em',
  'del',
  'code',
  'pre',
  'blockquote',
  'a',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
];

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: { a: ['href', 'title'], th: ['scope'], ol: ['start'] },
  allowedSchemes: ['https', 'http', 'mailto', 'tel'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    h1: 'h2',
    h2: 'h3',
    h3: 'h4',
    h4: 'h5',
    h5: 'h6',
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }),
  },
};
// `rel` is added by the transform above, after the allow-list has run on the source attributes.
SANITIZE_OPTIONS.allowedAttributes = {
  ...SANITIZE_OPTIONS.allowedAttributes,
  a: ['href', 'title', 'rel'],
};

// A private instance: no global `marked.use()` of another module changes how help renders.
const markdown = new Marked({ gfm: true, breaks: false, async: false });

/** The safe HTML of a Markdown text. */
export function renderMarkdown(text: string): string {
  const raw = markdown.parse(text, { async: false });
  return sanitizeHtml(raw, SANITIZE_OPTIONS);
}

/**
 * Rendered pages kept by key (`<plugin>@<version>:<file>`): a help file never changes within a
 * version of its package, so a new version is a new key and nothing needs invalidating.
 */
export class RenderedHelpCache {
  private readonly pages = new Map<string, string>();

  async get(key: string, read: () => Promise<string>): Promise<string> {
    const cached = this.pages.get(key);
    if (cached !== undefined) return cached;
    const html = renderMarkdown(await read());
    this.pages.set(key, html);
    return html;
  }

  get size(): number {
    return this.pages.size;
  }
}
