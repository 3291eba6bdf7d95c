/**
 * Rule `navigation`: removes site chrome: language switchers, breadcrumbs,
 * section bullets, menu words (`Home`, `Menu`, `Skip to content`, `Search`).
 *
 * Why: chrome is the same on every page of a site and is not the article.
 *
 * Recognised by shape: a line that is only a language's own name
 * (`বাংলা`, `Deutsch`, `中文`); a short bullet item (`• World`); a breadcrumb
 * (short parts joined by `»`, `›`, `>` or `/`); and menu wording in several
 * languages (the `navigation` phrase list adds more).
 *
 * @example
 *   in:  `বাংলা` / `• World` / `Главная » Интересное` / `Skip to content`
 *   out: (all removed)
 */
import type { LineRoot } from '../util/tree.js';
import { isKept, removeLine, lineWords } from '../util/tree.js';
import { CharFacts, lineChars, phraseMatcher } from '../util/phrases.js';
import { endsWithOneOf, wordCount } from '../util/text.js';

export const ruleId = 'navigation';

/** Languages' names for themselves, as language switchers show them. */
export const ENDONYMS = [
  'english', 'español', 'français', 'deutsch', 'italiano', 'português', 'русский', 'українська', 'polski', 'nederlands', 'svenska', 'norsk', 'dansk',
  'suomi', 'türkçe', 'ελληνικά', 'čeština', 'magyar', 'română', 'български', 'српски', 'hrvatski', 'العربية', 'عربي', 'فارسی', 'اردو', 'עברית',
  'हिन्दी', 'हिंदी', 'বাংলা', 'தமிழ்', 'తెలుగు', 'मराठी', 'ગુજરાતી', 'ಕನ್ನಡ', 'മലയാളം', 'ਪੰਜਾਬੀ', 'ไทย', 'tiếng việt', 'bahasa indonesia', 'bahasa melayu',
  '中文', '简体中文', '繁體中文', '简体', '繁體', '日本語', '한국어', 'kiswahili', 'filipino',
];
export const MENU_PHRASES = [
  'home', 'homepage', 'menu', 'main menu', 'navigation', 'skip to content', 'skip to main content', 'skip to navigation', 'jump to navigation', 'search',
  'search for', 'log in', 'login', 'sign in', 'register', 'my account', 'close', 'back', 'back to top', 'next', 'previous', 'next article', 'previous article',
  'toggle navigation', 'open menu', 'close menu', 'more', 'show more', 'load more', 'sections', 'all sections', 'topics', 'categories', 'tags', 'tagged',
  'startseite', 'suche', 'zurück', 'zurück zur übersicht', 'anmelden', 'accueil', 'rechercher', 'connexion', 'inicio', 'buscar', 'iniciar sesión',
  'página inicial', 'pesquisar', 'entrar', 'pesquisa', 'cerca', 'accedi', 'главная', 'поиск', 'войти', 'меню', 'перейти к контенту', 'перейти к содержимому',
  'previous', 'next', 'older posts', 'newer posts', 'older', 'newer', 'vorige', 'vorherige', 'nächste', 'weiter', 'précédent', 'suivant', 'anterior',
  'siguiente', 'próximo', 'próxima', 'precedente', 'successivo', 'предыдущая', 'следующая', 'назад', 'далее', 'beranda', 'cari', 'masuk', '首页', '搜索', '登录', '返回', 'ホーム', '検索', 'ログイン', '홈', '검색', '로그인', '메뉴',
];
const SEPARATED = /[|/•·]/;
const BULLET = /^[•·▪▫◦‣►▶»›■□●○◆◇✓-]\s*\S/u;
const CRUMB_SEPARATOR = /\s(?:»|›|>|\/|\\|→|::)\s/u;

/** Short parts joined by `»`, `›`, `>` …; the last part may be the page's title. */
function isBreadcrumb(line: string): boolean {
  if (!CRUMB_SEPARATOR.test(line) || endsWithOneOf(line, '.!?')) return false;
  // Judged without a trailing `| Section | Site`, as it reads once headline-suffix has cut that off.
  const bar = line.indexOf(' | ');
  const text = bar > 0 ? line.slice(0, bar) : line;
  if (!CRUMB_SEPARATOR.test(text)) return false;
  const parts = text.split(CRUMB_SEPARATOR);
  const last = parts.length > 2 ? parts.length - 1 : parts.length;
  return parts.slice(0, last).every((p) => wordCount(p) <= 4 || p.length <= 12);
}

export interface NavigationOptions {
  /** More menu wording, any language. */
  phrases?: string[];
}

export default function navigation(options: NavigationOptions = {}) {
  const menu = phraseMatcher(MENU_PHRASES, options.phrases);
  const endonym = phraseMatcher(ENDONYMS);
  return (tree: LineRoot): void => {
    const lines = tree.children;
    for (let i = 0; i < lines.length; i++) {
      const node = lines[i];
      if (!isKept(node)) continue;
      const text = node.data.text;
      if (text.length > 120) continue;
      const words = lineWords(node);
      // Only a line with a separator can be a row of items. `(?:(?<!\s)\s+)?` in the splits, not
      // `\s*`: white space before a separator is matched from the start of its run only (linear).
      const chars = lineChars(node);
      const row = words <= 8 && (chars & (CharFacts.BAR | CharFacts.SLASH)) !== 0 && SEPARATED.test(text);
      if (endonym.is(node) || (row && text.split(/(?:(?<!\s)\s+)?[|•·/]\s*/u).every((p) => endonym.is(p)))) {
        removeLine(node, ruleId, 'language switcher');
      } else if (menu.is(node) || (row && text.split(/(?:(?<!\s)\s+)?[|/•·]\s*/u).every((p) => p === '' || menu.is(p)))) {
        removeLine(node, ruleId, 'menu or site navigation');
      } else if (words <= 6 && BULLET.test(text) && !endsWithOneOf(text, '.!?')) {
        removeLine(node, ruleId, 'section bullet or breadcrumb item');
      } else if (words <= 20 && (chars & (CharFacts.SLASH | CharFacts.CRUMB)) !== 0 && isBreadcrumb(text)) {
        removeLine(node, ruleId, 'breadcrumb');
      }
    }
  };
}
