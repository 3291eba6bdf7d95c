/**
 * Rule `related-blocks`: removes related-content blocks: a header such as
 * `RELATED STORIES`, `Related Post`, `Opinion`, `Top 10 Stories`,
 * `Next In World`, `Others Also Read`, `More from …`, `You may also like`
 * (in many languages), with the teaser lines that belong to it; in-body
 * teaser links (`READ MORE: …`, `Related: …`, `Lire aussi : …`); and
 * author boxes (`About the author`, `Über NAME`).
 *
 * Why: teasers are other articles' headlines and captions. They look like
 * body text, so they must go with their header.
 *
 * Only headers below the article's first body line count: above it they are
 * menus, which the content stage removes. The header and the group of
 * lines under it (up to the next blank line) go. The header is also
 * marked as a boundary: when little of the article follows it, the
 * content stage ends the article there.
 *
 * @example
 *   in:  `RELATED STORIES` / `World welcomes 2024 with New Year's fireworks …` / `World welcomes 2024`
 *   out: (all removed)
 */
import type { LineNode, LineRoot } from '../util/tree.js';
import { isKept, removeLine, lineWords } from '../util/tree.js';
import { phraseMatcher } from '../util/phrases.js';
import { isBodyText } from '../util/shape.js';
import { endsWithOneOf } from '../util/text.js';

/** A word, then a capitalised one: a name after its label. */
const WORD_THEN_CAPITAL = /^\S+\s+\p{Lu}/u;

export const ruleId = 'related-blocks';

export const RELATED_HEADERS = [
  'related', 'related stories', 'related story', 'related articles', 'related article', 'related posts', 'related post', 'related news', 'related content',
  'related coverage', 'related links', 'related topics', 'related reading', 'more from', 'more in', 'more on', 'more stories', 'more news', 'more articles',
  'next in', 'more about', 'read next', 'read these next', 'up next', 'more to read', 'read also', 'also read', 'see also', 'others also read', 'you may also like', 'you might also like',
  'you may like', 'you might like', 'you may be interested in', 'recommended', 'recommended for you', 'recommended stories', 'most read', 'most popular',
  'most viewed', 'popular', 'popular posts', 'popular stories', 'trending', 'trending now', 'trending stories', 'top stories', 'top 10 stories',
  'top news', 'latest', 'latest news', 'latest stories', 'latest posts', 'recent posts', 'recent articles', 'recent stories', 'most recent stories', 'editor\'s picks', 'editors\' picks',
  'opinion', 'in case you missed it', 'what to read next', 'don\'t miss', 'around the web', 'from the web', 'sponsored stories', 'promoted stories',
  'leggi anche', 'potrebbe interessarti', 'articoli correlati', 'ti potrebbe interessare', 'lire aussi', 'à lire aussi', 'a lire aussi', 'sur le même sujet',
  'voir aussi', 'les plus lus', 'lee también', 'te puede interesar', 'noticias relacionadas', 'relacionadas', 'lo más leído', 'más noticias', 'más sobre', 'mais sobre', 'plus sur', 'mehr über', 'altro su', 'artículos relacionados', 'contenido relacionado', 'notas relacionadas',
  'leia também', 'veja também', 'você pode gostar', 'você também pode gostar', 'você também vai gostar', 'potrebbe piacerti', 'vous aimerez aussi', 'vous aimerez peut-être', 'das könnte dir gefallen', 'вам может понравиться', 'anda mungkin suka', 'artigos relacionados', 'posts relacionados', 'notícias relacionadas', 'mais lidas',
  'weitere beiträge', 'weitere beiträge zum thema', 'das könnte sie auch interessieren', 'mehr zum thema', 'ähnliche artikel', 'verwandte artikel',
  'meistgelesen', 'auch interessant', 'lees ook', 'související', 'související články', 'čtěte také', 'nejčtenější', 'súvisiace', 'súvisiace články',
  'čítajte aj', 'najčítanejšie', 'powiązane', 'powiązane artykuły', 'czytaj także', 'czytaj też', 'zobacz także', 'najczęściej czytane', 'читайте также', 'вам также может быть интересно', 'похожие статьи', 'похожие записи',
  'популярное', 'читайте еще', 'baca juga', 'artikel terkait', 'berita terkait', 'berita lainnya', '関連記事', '関連ニュース', 'おすすめ記事',
  '人気記事', '相关新闻', '相关阅读', '相关文章', '推荐阅读', '热门文章', '관련기사', '관련 기사', '많이 본 뉴스',
];
export const AUTHOR_BOX = ['about the author', 'about the authors', 'about', 'über den autor', 'über die autorin', 'über', 'à propos de l\'auteur',
  'à propos de', 'sobre el autor', 'sobre o autor', 'sobre a autora', 'sobre', 'acerca de', 'a proposito di', 'informazioni su', 'l\'autore', 'об авторе', 'tentang penulis', '著者について', '作者简介'];
const TEASER_PREFIX = /^[(\[]?(?:read more|related|see also|also read|read also|watch|listen|more|lire aussi|à lire aussi|lire|voir aussi|leggi anche|lee también|leia também|veja também|читайте также|baca juga|siehe auch|mehr dazu|mehr zum thema)(?:\s+\p{L}{1,4})?\s*[:：»›|]\s*\S/iu;

/** A `Read more` button alone on a line expands the article in place: the line goes, the text after it stays. */
export const EXPANDERS = ['read more', 'continue reading', 'keep reading', 'read full story', 'read the full story', 'show more', 'mehr lesen', 'weiterlesen',
  'leer más', 'seguir leyendo', 'lire la suite', 'leia mais', 'continue lendo', 'continua a leggere', 'leggi tutto', 'читать далее', 'далее'];
/** A news-ticker item: a time, then another story's headline (`14:44 Accusations de viols : …`). */
const TICKER_ITEM = /^\d{1,2}[:h.]\d{2}\s+\S/u;
/** `More Great WIRED Stories`, `Other Top Headlines`, `Latest Tech News`: a header worded around a site's name. */
const LIST_HEADER = /^(?:more|other|latest|top|recent|popular|related|similar|trending)\b.{0,40}\b(?:stories|articles|news|posts|videos|reads|headlines)$/iu;
/** `Profile | Grace Mugabe`: a section label and another article's title, in the body. */
const SECTION_TEASER = /^[^|]{1,30} \| [^|]{1,80}$/u;

export interface RelatedBlocksOptions {
  /** More header wording, any language. */
  phrases?: string[];
}

function removeBlock(lines: LineNode[], start: number, reason: string): void {
  // The group of lines under the header (after a blank line, if any), up to the next blank line.
  let j = start + 1;
  for (let i = start + 1; i < lines.length && i <= j; i++) {
    const node = lines[i];
    if (node.data.boundary) break;
    removeLine(node, ruleId, reason);
    if (!node.data.blankAfter) j = i + 1;
  }
}

export default function relatedBlocks(options: RelatedBlocksOptions = {}) {
  const header = phraseMatcher(RELATED_HEADERS, options.phrases);
  const author = phraseMatcher(AUTHOR_BOX);
  const expander = phraseMatcher(EXPANDERS);
  const isHeader = (node: LineNode) =>
    header.is(node) || (lineWords(node) <= 6 && (header.starts(node) || header.ends(node) || LIST_HEADER.test(node.data.text)) && !/[,;|]/.test(node.data.text));
  return (tree: LineRoot): void => {
    const lines = tree.children;
    // Headers above the article are menus: the content stage removes them.
    let i = 0;
    while (i < lines.length && !(isKept(lines[i]) && isBodyText(lines[i].data.text, lineWords(lines[i])))) i++;
    // …but a header set tight on the first long line heads a block (`Most Popular Today` over a glued list).
    if (i > 0 && i < lines.length && isKept(lines[i - 1]) && !lines[i - 1].data.blankAfter) i--;
    // Above it, headers are only marked, so that the content stage never takes one for the headline.
    for (let k = 0; k < i; k++) if (isKept(lines[k]) && isHeader(lines[k])) lines[k].data.boundary = 'related';
    for (; i < lines.length; i++) {
      const node = lines[i];
      const text = node.data.text;
      const words = lineWords(node);
      if (isKept(node) && words <= 20 && TICKER_ITEM.test(text) && !endsWithOneOf(text, '.!?。')) {
        removeLine(node, ruleId, 'news-ticker item');
        continue;
      }
      // A header may trail off (`You may also like...`); a sentence ends once.
      if (words > 8 || (endsWithOneOf(text, '.!?。') && !endsWithOneOf(text.slice(0, -1), '.…'))) {
        if (isKept(node) && words <= 40 && TEASER_PREFIX.test(text)) removeLine(node, ruleId, 'teaser link to another article');
        continue;
      }
      if (expander.is(node)) {
        removeLine(node, ruleId, '“read more” button');
      } else if (isHeader(node)) {
        node.data.boundary = 'related';
        removeLine(node, ruleId, 'related-content header');
        removeBlock(lines, i, 'teaser in a related-content block');
      } else if (words <= 5 && (author.is(node) || (author.starts(node) && WORD_THEN_CAPITAL.test(text)))) {
        node.data.boundary = 'author';
        removeLine(node, ruleId, 'author box header');
        removeBlock(lines, i, 'author box');
      } else if (isKept(node) && (TEASER_PREFIX.test(text) || (words <= 8 && SECTION_TEASER.test(text)))) {
        removeLine(node, ruleId, 'teaser link to another article');
      }
    }
  };
}
