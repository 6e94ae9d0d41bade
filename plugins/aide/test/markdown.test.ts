import { expect } from 'chai';

import { RenderedHelpCache, renderMarkdown } from '../src/server/markdown.js';

describe('aide: Markdown rendering', () => {
  it('keeps lists, emphasis, tables and https links', () => {
    const html = renderMarkdown(
      '- **un**\n- *deux*\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n[site](https://example.org)',
    );
    expect(html).to.contain('<li><strong>un</strong></li>');
    expect(html).to.contain('<em>deux</em>');
    expect(html).to.contain('<td>1</td>');
    expect(html).to.contain('<a href="https://example.org" rel="noopener noreferrer">site</a>');
  });

  it('moves headings down one level, under the page’s own title', () => {
    expect(renderMarkdown('# Un\n\n## Deux')).to.equal('<h2>Un</h2>\n<h3>Deux</h3>\n');
  });

  it('drops images, inline styles and data: links', () => {
    const html = renderMarkdown(
      '![x](https://example.org/x.png)\n\n<p style="color:red">rouge</p>\n\n[d](data:text/html,x)',
    );
    expect(html).not.to.match(/<img|style=|data:/);
    expect(html).to.contain('rouge');
  });

  it('renders each key once, then serves it from the cache', async () => {
    const cache = new RenderedHelpCache();
    let reads = 0;
    const read = async () => {
      reads += 1;
      return '# Titre';
    };
    await cache.get('menu-cantine@1.0.0:help/fr/menus.md', read);
    await cache.get('menu-cantine@1.0.0:help/fr/menus.md', read);
    expect(reads).to.equal(1);
    await cache.get('menu-cantine@1.1.0:help/fr/menus.md', read);
    expect(reads).to.equal(2);
  });
});
