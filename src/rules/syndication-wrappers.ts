/**
 * Rule `syndication-wrappers`: removes what aggregators and wires wrap around
 * a story: an aggregator prefix (`date 2024-01-04 (MENAFN- Kuwait News Agency
 * (KUNA))`), end marks (`(end)`), editor slugs (`asj`, `[责任编辑：alonliu]`),
 * closing credits (`(Reporting by …; Editing by …)`), "originally published"
 * notes, and a wire or editor credit closing the last paragraph (`(Yonhap)`,
 * `(bsc)`, `（编译/林靖东）`). It runs after the content stage, which tells it
 * which paragraph is the last.
 *
 * Why: these belong to the feed, not to the story; they repeat across every
 * syndicated copy.
 *
 * @example
 *   in:  `… might have led to an arms deal. (Yonhap)` (last paragraph)
 *   out: `… might have led to an arms deal.`
 * @example
 *   in:  `(Reporting by Kanishka Singh in Washington; Editing by Leslie Adler)`
 *   out: (line removed)
 */
import type { LineNode, LineRoot } from '../util/tree.js';
import { currentRaw, cutMatch, isKept, removeLine, lineWords } from '../util/tree.js';
import { phraseMatcher } from '../util/phrases.js';

/** A sentence's end mark or a closing quote. */
const SENTENCE_MARK = /[.!?。！？"”]/u;

export const ruleId = 'syndication-wrappers';

export const SYNDICATION_PHRASES = [
  'originally published', 'this article was originally published', 'this story was originally published', 'this article first appeared',
  'this story first appeared', 'this post originally appeared', 'originally appeared on', 'republished with permission', 'this article is republished from',
  'read the original article', 'source:', 'quelle:', 'fuente:', 'fonte:', 'источник:',
];
// White space may still be written as a character reference in the raw line (`&#10;date 2024-…`).
const PREFIX = /^(?:\s|&#(?:9|1[03]|32|160);|&#[xX](?:9|[aAdD]|20|[aA]0);|&(?:nbsp|NewLine|Tab);)*(?:date\s+)?\d{4}-\d\d-\d\d\s+\((?:MENAFN|[A-Z])[^()]{0,80}(?:\([^()]{0,40}\))?[^()]{0,40}\)\s*/u;
// `(?<!\s)` in END_MARK and TAIL_CREDIT: start at the head of a run of white
// space only, so a long run is not rescanned from each of its positions.
// They are tested on the folded text but cut from the raw line, so they also
// take the invisible characters (zero-width, bidi) the folded text dropped,
// and white space still written as a character reference (`(end)&#13;`).
const END_MARK = /(?<!\s)\s*[(（](?:end|ends|fin|fine|ende|конец|完)[)）](?:[\s\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069]|&#(?:9|1[03]|32|160);|&#[xX](?:9|[aAdD]|20|[aA]0);|&(?:nbsp|NewLine|Tab);)*$/iu;
const CREDIT_LINE = /^[(（](?:(?:additional\s+)?reporting|writing|editing|compiled|translated|translation|edited|graphics?|research|produced)\b[^()（）]{0,300}[)）]$/iu;
/** Editor slugs: a short lower-case code, or a bracketed `editor: name`. */
const SLUG = /^(?:[a-z]{2,4}(?:\/[a-z]{2,4}){0,3}|\[[^\]\n]{1,20}[:：][^\]\n]{1,30}\])$/u;
/** A trailing wire or editor credit on the last paragraph. */
const TAIL_CREDIT = /(?<!\s)\s*(?:[(（](?:[\p{Lu}][\p{L}-]*(?:\s[\p{Lu}][\p{L}-]*){0,2}|[a-z]{2,4}|[^()（）]{1,12}[/／][^()（）]{1,12})[)）])(?:[\s\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069]|&#(?:9|1[03]|32|160);|&#[xX](?:9|[aAdD]|20|[aA]0);|&(?:nbsp|NewLine|Tab);)*$/u;

/** `Andrés Malamud es politólogo …`, `Jane Doe is a reporter at …`: who wrote it, after the article. */
const AUTHOR_NOTE = /^[*_]?(?:\p{Lu}[\p{L}'’.-]+\s){1,3}(?:is|was|es|ist|est|é|è|jest|является)\s(?:an?\s|un[ao]?\s|ein[e]?\s|uma?\s)?(?:\p{Ll}[\p{L}-]*\s){0,3}(?:reporter|writer|journalist|editor|correspondent|columnist|contributor|author|professor|researcher|analyst|fellow|politólogo|periodista|investigador[a]?|profesor[a]?|escritor[a]?|redakteur(?:in)?|journalist(?:in)?|autor(?:in)?|journaliste|chercheur|professeur|jornalista|pesquisador[a]?|giornalista)\b/u;

export interface SyndicationWrappersOptions {
  /** More syndication wording, any language. */
  phrases?: string[];
}

function lastKept(lines: LineNode[]): number {
  for (let i = lines.length - 1; i >= 0; i--) if (isKept(lines[i])) return i;
  return -1;
}

export default function syndicationWrappers(options: SyndicationWrappersOptions = {}) {
  const note = phraseMatcher(SYNDICATION_PHRASES, options.phrases);
  return (tree: LineRoot): void => {
    const lines = tree.children;
    // The prefix opens the text: look in the first three *kept* lines, so that
    // a second pass (where removed chrome is gone) decides the same way.
    let kept = 0;
    for (let i = 0; i < lines.length; i++) {
      const node = lines[i];
      if (!isKept(node)) continue;
      const text = node.data.text;
      // On the text as it is now: another rule may have cut what stood before the prefix.
      if (kept++ < 3 && PREFIX.test(currentRaw(node))) cutMatch(node, PREFIX, ruleId, 'aggregator prefix');
      if (!isKept(node)) continue;
      // What is left after the end mark is judged too, as a second pass would.
      if ((text.endsWith(')') || text.endsWith('）')) && END_MARK.test(text)) cutMatch(node, END_MARK, ruleId, 'end mark');
      if (!isKept(node)) continue;
      const rest = node.data.text;
      if (CREDIT_LINE.test(rest)) {
        removeLine(node, ruleId, 'closing reporting / editing credit');
      } else if (SLUG.test(rest)) {
        // Wherever it is: a line of two to four lower-case letters is no prose.
        removeLine(node, ruleId, 'editor slug');
      } else if (rest.length <= 200 && note.starts(node)) {
        removeLine(node, ruleId, 'syndication note');
      }
    }
    // Runs after the content stage, so the last kept line is the article's last paragraph.
    const last = lastKept(lines);
    if (last < 0) return;
    const node = lines[last];
    if (node.data.role !== 'title' && lineWords(node) <= 60 && AUTHOR_NOTE.test(node.data.text)) {
      removeLine(node, ruleId, 'note on the author closing the article');
      return;
    }
    // `… said. (Yonhap)(Yonhap)`: every credit at the end goes in this pass (a few at most).
    for (let k = 0; k < 4 && isKept(node); k++) {
      if (!(node.data.role !== 'title' && SENTENCE_MARK.test(node.data.text.slice(0, -1)) && TAIL_CREDIT.test(node.data.text))) break;
      if (!cutMatch(node, TAIL_CREDIT, ruleId, 'wire or editor credit closing the last paragraph')) break;
    }
  };
}
