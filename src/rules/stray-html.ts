/**
 * Rule `stray-html`: cuts tags and tag fragments of real HTML elements out of
 * a line and keeps the text around them. Angle-bracketed text that is not an
 * HTML element (a title such as `<The Palace: Tale of Jang Noksu>`) stays.
 *
 * Why: scrapers that take text from serialised HTML leave tags behind, and a
 * search index or a corpus must not learn `< /p>` as a word.
 *
 * A tag counts when its name is an HTML element and it is a closing tag, a
 * tag without attributes, or a tag with at least one `name=value` attribute
 * (so `<A Tale of Two Cities>` stays). Comments `<!-- … -->` go too.
 *
 * @example
 *   in:  `This arms transfer requires a new aid package.< /p>`
 *   out: `This arms transfer requires a new aid package.`
 * @example
 *   in:  `< p class="StyledBodyHtmlParagraph-sc-48221190-4 hnvfyV">The United States …`
 *   out: `The United States …`
 * @example
 *   in:  `<The Palace: Tale of Jang Noksu> opens in May.`
 *   out: `<The Palace: Tale of Jang Noksu> opens in May.`
 */
import type { LineRoot } from '../util/tree.js';
import { cutSpan, currentRaw, isKept } from '../util/tree.js';

export const ruleId = 'stray-html';

const ELEMENTS =
  'a|abbr|address|area|article|aside|audio|b|base|bdi|bdo|blockquote|body|br|button|canvas|caption|center|cite|code|col|colgroup|data|dd|del|details|dfn|dialog|div|dl|dt|em|embed|fieldset|figcaption|figure|font|footer|form|h[1-6]|head|header|hr|html|i|iframe|img|input|ins|kbd|label|legend|li|link|main|map|mark|meta|meter|nav|noscript|object|ol|optgroup|option|output|p|param|picture|pre|progress|q|s|samp|script|section|select|small|source|span|strong|style|sub|summary|sup|svg|table|tbody|td|template|textarea|tfoot|th|thead|time|title|tr|track|u|ul|var|video|wbr';

// Each alternative is anchored on `<` and scans at most to the next `<` or `>`,
// so the whole match is linear in the line's length. The bare tag and the tag
// with attributes share one copy of the element list: with a copy each, every
// `<` of `<T<T<T…` cost ~300 failed tries, which recheck reports as vulnerable.
const TAG = new RegExp(
  [
    `<\\s*(?:`,
    `\\/\\s*(?:${ELEMENTS})\\s*>`, // closing tag: `< /p>`
    `|(?:${ELEMENTS})(?:`,
    `\\s*(?:\\/\\s*)?>`, // bare tag: `<br/>`, `<p>` (not `\s*\/?\s*`: two adjacent `\s*` backtrack quadratically)
    `|\\s[^<>=]*=[^<>]*>`, // tag with an attribute value
    `))`,
    `|<!--[^<>]*-->`, // comment
  ].join(''),
  'gi',
);

/**
 * A bare or closing tag still escaped once (`&lt;p&gt;`, `&lt;/div&gt;`)
 * decodes to a tag in the output, which a second pass would cut: it goes in
 * the first. Tags with attributes stay escaped text (rare, and costly to
 * match safely).
 */
const ESCAPED_TAG = new RegExp(`&lt; ?(?:\\/ ?)?(?:${ELEMENTS}) ?(?:\\/ ?)?&gt;`, 'gi');

export interface StrayHtmlOptions {}

export default function strayHtml(_options: StrayHtmlOptions = {}) {
  return (tree: LineRoot): void => {
    const lines = tree.children;
    for (let i = 0; i < lines.length; i++) {
      const node = lines[i];
      if (!isKept(node)) continue;
      const plain = node.value.includes('<');
      const escaped = node.value.includes('&lt;');
      if (!plain && !escaped) continue;
      // Cut from the right so earlier offsets stay valid.
      const raw = currentRaw(node);
      const spans: Array<[number, number]> = [];
      for (const pattern of plain && escaped ? [TAG, ESCAPED_TAG] : plain ? [TAG] : [ESCAPED_TAG]) {
        pattern.lastIndex = 0;
        for (let m = pattern.exec(raw); m; m = pattern.exec(raw)) spans.push([m.index, m.index + m[0].length]);
      }
      // An escaped tag inside a tag's attribute (`<p title="&lt;b&gt;">`) goes with the tag.
      spans.sort((x, y) => x[0] - y[0] || y[1] - x[1]);
      for (let i = 1; i < spans.length; i++) if (spans[i][0] < spans[i - 1][1]) spans.splice(i--, 1);
      for (let i = spans.length - 1; i >= 0; i--) {
        cutSpan(node, spans[i][0], spans[i][1], ruleId, 'HTML tag left in the text');
        if (!isKept(node)) break;
      }
    }
  };
}
