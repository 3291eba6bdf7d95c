/**
 * Rule `calls-to-action`: removes share, follow, subscribe, sign-up,
 * download and cookie prompts, and a short label right beside one (`LETTER`
 * beside `Sign up for eNewsletter`).
 *
 * Why: prompts address the visitor, not the reader of the article, and they
 * repeat on every page of a site.
 *
 * A prompt is a line of at most 25 words that holds prompt wording (any of
 * the built-in languages, or the `cta` phrase list), or a run of social
 * network names and share verbs alone.
 *
 * @example
 *   in:  `Follow us on our official WhatsApp channel for breaking news alerts and key updates!`
 *   out: (line removed)
 */
import type { LineRoot } from '../util/tree.js';
import { isKept, lineKey, removeLine, lineWords } from '../util/tree.js';
import { phraseMatcher } from '../util/phrases.js';
import { endsLikeSentence, hasLetter } from '../util/text.js';

export const ruleId = 'calls-to-action';

export const CTA_PHRASES = [
  'sign up', 'sign in to', 'sharing options', 'share options', 'stay up to date with', 'activation link', 'activate your subscription', 'confirm your subscription', 'unsubscribe', 'no spam', 'get a subscription', 'receba em seu email', 'receba no seu email', 'cadastre-se', 'news alerts', 'email alerts', 'breaking news emails', 'in your inbox', 'to your inbox', 'log in to', 'subscribe', 'subscribe now', 'subscribe to', 'subscription', 'newsletter', 'enewsletter', 'follow us', 'follow me',
  'share this', 'share on', 'share via', 'share the story', 'share article', 'share it with', 'share with a friend', 'like this story', 'like this article', 'enjoyed this article', 'did you like this', 'click here', 'tap here', 'download the app', 'download our app', 'get the app',
  'whatsapp channel', 'join our', 'join us on', 'like us on', 'we use cookies', 'this website uses cookies', 'this site uses cookies', 'accept cookies',
  'cookie policy', 'cookie settings', 'manage cookies', 'privacy settings', 'get our newsletter', 'get the latest', 'don\'t miss', 'never miss',
  'support our journalism', 'become a member', 'free trial', 'register now', 'sign up for', 'email newsletter', 'get email updates', 'turn on notifications',
  'abonnieren', 'jetzt abonnieren', 'newsletter abonnieren', 'folgen sie uns', 'teilen', 'diesen artikel teilen', 'termin vereinbaren', 'vereinbaren sie',
  'abonnez-vous', 'suivez-nous', 'partager', 'inscrivez-vous', 'suscríbete', 'suscribirse', 'síguenos', 'compartir', 'compartir en',
  'inscreva-se', 'assine', 'siga-nos', 'compartilhe', 'compartilhar', 'baixe', 'baixe grátis', 'iscriviti', 'seguici', 'condividi', 'condividi su',
  'подпишитесь', 'подписаться', 'поделиться', 'поделитесь', 'присоединяйтесь', 'ikuti kami', 'bagikan', 'berlangganan',
  '分享', '分享到', '转播到', '转发到', '订阅', '关注我们', '扫码', 'シェア', 'ツイート', 'フォロー', '購読', '공유', '구독', '팔로우',
];
/** Wording that is a prompt even inside a longer line. */
export const STRONG_PROMPTS = [
  'sign up for our newsletter', 'subscribe to our newsletter', 'thanks for sharing', 'thank you for sharing', 'thanks for reading', 'thank you for reading',
  'let us know in the comments', 'tell us in the comments', 'leave your questions', 'receba em seu email', 'receba no seu email', 'obrigado por compartilhar',
  'deixe suas dúvidas', 'follow our live coverage', 'follow the live', 'revivez le direct', 'suivez le direct', 'suivez notre direct', 'sigue el directo',
  'sigue en directo', 'segui la diretta', 'zum liveticker', 'acompanhe ao vivo', 'laden sie herzlich ein', 'wir laden sie ein', 'we invite you to', 'nous vous invitons', 'le invitamos', 'vi invitiamo', 'convidamos você', 'deixe sua opinião', 'gracias por compartir', 'danke fürs teilen', 'merci de partager', 'спасибо за репост',
];
/** Cookie notices are long: their wording counts in lines of any length up to 100 words. */
export const COOKIE_NOTICES = [
  'we use cookies', 'this website uses cookies', 'this site uses cookies', 'uses cookies to improve', 'necessary cookies', 'accept all cookies',
  'cookie settings', 'cookie policy', 'cookies zu', 'verwendet cookies', 'utilizamos cookies', 'utiliza cookies', 'utilise des cookies',
  'nous utilisons des cookies', 'utilizziamo i cookie', 'usiamo i cookie', 'utilizamos cookies', 'используем файлы cookie', 'использует файлы cookie',
];
/** `Follow RT on`, `Follow us on:`, `Follow The Verge on Twitter`: a follow prompt with an account name. */
// Line text is folded to single spaces, so each word is `[^\s:]+` and one space: linear.
const FOLLOW_ON = /^follow (?:[^\s:]+ ){1,3}on(?::| [^\s:]+:?)?$/iu;
// A count is a whole run of digits (`[0-9]+(?![0-9])`): items may follow each other without a
// separator (`FacebookTwitterEmail`), and `[0-9]+` alone split a run of n digits in 2^(n-1) ways
// before failing (a 35-digit number ahead of a stray character took minutes).
const SOCIAL = /^(?:(?:share|tweet|email|e-mail|print|facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|pin|pint|tumblr|flipboard|pocket|messenger|sms|copy link|comments?|vk|ok|line|weibo|wechat|download|baixar|descargar|herunterladen|微博|微信|qq空间|[0-9]+(?![0-9]))[\s,|•·/]*)+$/i;

export interface CallsToActionOptions {
  /** More prompt wording, any language. */
  phrases?: string[];
}

export { SOCIAL };

export default function callsToAction(options: CallsToActionOptions = {}) {
  // One-word prompts (`Teilen`, `Subscribe`) are common verbs too: only short lines count.
  const oneWord = CTA_PHRASES.filter((p) => !/\s/.test(p));
  const prompt = phraseMatcher(CTA_PHRASES.filter((p) => /\s/.test(p)), options.phrases);
  const verb = phraseMatcher(oneWord);
  const strong = phraseMatcher(STRONG_PROMPTS);
  const cookies = phraseMatcher(COOKIE_NOTICES);
  return (tree: LineRoot): void => {
    const lines = tree.children;
    for (let i = 0; i < lines.length; i++) {
      const node = lines[i];
      if (!isKept(node)) continue;
      const text = node.data.text;
      const words = lineWords(node);
      // Every cookie notice names cookies: one native scan of the comparison key (the text the matcher reads) rules most lines out first.
      if (words <= 100 && lineKey(node).includes('cookie') && cookies.has(node)) {
        removeLine(node, ruleId, 'cookie notice');
        continue;
      }
      if (words > 40) continue;
      const isPrompt = (words <= 6 && SOCIAL.test(text) && hasLetter(text)) || (words <= 6 && FOLLOW_ON.test(text)) || (words <= 25 && prompt.has(node)) || (words <= 40 && strong.has(node)) || (words <= 5 && verb.has(node));
      if (!isPrompt) continue;
      removeLine(node, ruleId, 'call to action (share, follow, subscribe or cookie prompt)');
      // A one-word label right beside a prompt belongs to it.
      for (const j of [i - 1, i + 1]) {
        const side = lines[j];
        if (side && isKept(side) && lineWords(side) <= 2 && !endsLikeSentence(side.data.text) && side.data.text.length <= 20) {
          removeLine(side, ruleId, 'label of a call to action');
        }
      }
    }
  };
}
