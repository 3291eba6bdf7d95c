// Each rule alone, on small in/out examples (the ones in its doc comment and
// the near misses it must leave alone).
import { describe, expect, it } from 'vitest';
import { runRule, paragraphs } from './helpers.js';
import strayHtml from '../src/rules/stray-html.js';
import trackingIds from '../src/rules/tracking-ids.js';
import navigation from '../src/rules/navigation.js';
import bylinesStamps from '../src/rules/bylines-stamps.js';
import captionsCredits from '../src/rules/captions-credits.js';
import callsToAction from '../src/rules/calls-to-action.js';
import legalAdsComments from '../src/rules/legal-ads-comments.js';
import relatedBlocks from '../src/rules/related-blocks.js';
import mainContent from '../src/rules/main-content.js';
import syndicationWrappers from '../src/rules/syndication-wrappers.js';
import headlineSuffix from '../src/rules/headline-suffix.js';
import duplicates from '../src/rules/duplicates.js';
import { clean } from '../src/index.js';

/** `clean(input)`, checked to be settled: cleaning its text again changes nothing. */
function cleanSettled(input: string) {
  const once = clean(input);
  expect(clean(once.text).text).toBe(once.text);
  return once;
}

const BODY = 'The article body is a long paragraph of plain prose that reads like the text of a story.';

describe('stray-html', () => {
  it('cuts tags of real elements and keeps the text around them', () => {
    expect(runRule(strayHtml, 'This arms transfer requires a new aid package.< /p>\n').text).toBe('This arms transfer requires a new aid package.\n');
    expect(runRule(strayHtml, '< p class="StyledBodyHtmlParagraph-sc-48221190-4 hnvfyV">The United States will act.\n').text).toBe('The United States will act.\n');
    expect(runRule(strayHtml, 'one<br/>two <!-- x --> three\n').text).toBe('onetwo three\n');
  });
  it('keeps angle-bracketed text that is not an HTML element', () => {
    for (const keep of ['<The Palace: Tale of Jang Noksu> opens in May.', '<A Tale of Two Cities> is a novel.', 'if a < b and c > d then']) {
      expect(runRule(strayHtml, keep + '\n').text).toBe(keep + '\n');
    }
  });
  it('removes a line that was only tags, and records each cut with its span', () => {
    const r = runRule(strayHtml, 'a\n<div>\n');
    expect(r.text).toBe('a\n');
    expect(r.removed).toMatchObject([{ rule: 'stray-html', start: 2, end: 7, line: 2, column: 1, text: '<div>' }]);
  });
});

describe('tracking-ids', () => {
  it('removes opaque IDs alone or glued to text, and UTM strings', () => {
    expect(runRule(trackingIds, 'MENAFN04012024000071011013ID1107686670\n').text).toBe('');
    expect(runRule(trackingIds, 'The end of the story.MENAFN04012024000071011013ID1107686670\n').text).toBe('The end of the story.\n');
    expect(runRule(trackingIds, 'See example.com/a?utm_source=feed&utm_medium=rss today.\n').text).toBe('See example.com/a today.\n');
  });
  it('keeps long numbers and long words', () => {
    const keep = 'Call 0049123456789012 or read Donaudampfschifffahrtsgesellschaft now.';
    expect(runRule(trackingIds, keep + '\n').text).toBe(keep + '\n');
  });
});

describe('navigation', () => {
  it('removes language switchers, bullets, breadcrumbs and menu words', () => {
    const r = runRule(navigation, 'বাংলা\n  • World\nГлавная » Интересное\nSkip to content\nZurück zur Übersicht\n');
    expect(r.text).toBe('');
    expect(r.removed.map((x) => x.reason)).toEqual(['language switcher', 'section bullet or breadcrumb item', 'breadcrumb', 'menu or site navigation', 'menu or site navigation']);
  });
  it('keeps in-body list items that are sentences and ordinary short lines', () => {
    const keep = '• The ministry will publish the data next week.\nWHY IT IS IMPORTANT\nHome prices rose 5% in May, the survey said.\n';
    expect(runRule(navigation, keep).text).toBe(paragraphs(keep).join('').split('\n').join('\n\n') + '\n');
  });
});

describe('bylines-stamps', () => {
  it('removes agency bylines, author bylines and stamps', () => {
    const r = runRule(bylinesStamps, 'Reuters\nPublished : 5 Jan 2024, 03:27 AM\nUpdated : 5 Jan 2024, 03:27 AM\nBy admin\nSun. Feb 25th, 2024\nVon Moritz Bachmann publiziert am 30. Juli 2018\nCatherine Shu  @catherineshu  /  2 days\nWrite to Al Root at allen.root@dowjones.com\n5 min read\nOct 15, 2015 · 18 min read\n');
    expect(r.text).toBe('');
    expect(new Set(r.removed.map((x) => x.rule))).toEqual(new Set(['bylines-stamps']));
  });
  it('keeps sentences that start like a byline or hold a date', () => {
    const keep = 'By the end of the year, prices had doubled.\nReuters reported the deal on 5 Jan 2024 after a long delay in talks.\n';
    expect(runRule(bylinesStamps, keep).removed).toEqual([]);
  });
});

describe('captions-credits', () => {
  it('removes labelled captions, the caption after a media label, credits and credited captions', () => {
    const input = [
      'FILE PHOTO: Kim Jong Un meets Vladimir Putin, Sept 13, 2023. KCNA via REUTERS/File Photo',
      'Open full screen',
      'John Kirby addresses journalists during a press briefing at the White House.',
      'Kirby speaks during the daily briefing in Washington. AFP-Yonhap',
      'Eastern Michigan quarterback Mike Glass III\nAl Goldis, Associated Press',
      'Photo by Jane Doe on Unsplash',
    ].join('\n\n');
    expect(runRule(captionsCredits, input + '\n').text).toBe('');
  });
  it('removes every copy of a caption, whatever its quote marks', () => {
    const a = "Kirby said 'This is a significant escalation,' at the briefing. AFP-Yonhap";
    const b = 'Kirby said "This is a significant escalation," at the briefing. AFP-Yonhap';
    expect(runRule(captionsCredits, `${a}\n\n${b}\n\n${BODY}\n`).text).toBe(BODY + '\n');
  });
  it('keeps body sentences that mention an agency', () => {
    const keep = 'The photographer told AP the picture was taken in May.';
    expect(runRule(captionsCredits, keep + '\n').text).toBe(keep + '\n');
  });
});

describe('calls-to-action', () => {
  it('removes prompts and the label beside them', () => {
    expect(runRule(callsToAction, 'Follow us on our official WhatsApp channel for breaking news alerts and key updates!\n').text).toBe('');
    expect(runRule(callsToAction, 'LETTER\n\nSign up for eNewsletter\n').text).toBe('');
    expect(runRule(callsToAction, 'Share\nTweet\nEmail\n').text).toBe('');
  });
  it('keeps body sentences that use the same verbs', () => {
    const keep = 'Die Parteien teilen sich die Kosten für den Bau der neuen Brücke zu gleichen Teilen.';
    expect(runRule(callsToAction, keep + '\n').text).toBe(keep + '\n');
  });
});

describe('legal-ads-comments', () => {
  it('removes copyright, terms, ad labels and comment prompts', () => {
    expect(runRule(legalAdsComments, '© Copyright Gannett 2018\nTerms of Service Privacy Notice\nAdvertisement\n3 comments\nLeave a comment\nДобавить комментарий Отменить ответ\n').text).toBe('');
  });
  it('keeps a body sentence about copyright law', () => {
    const keep = 'The court ruled that the copyright on the song had expired decades ago, ending a long fight between the heirs.';
    expect(runRule(legalAdsComments, keep + '\n').text).toBe(keep + '\n');
  });
  it('takes a comment signature dated to the minute as the start of the comments, glued to its text or not', () => {
    for (const signature of [
      'Alex on September 17, 2018 at 6:34 am said:',
      'Catherine (GiveWell) on September 13, 2018 at 5:23 pm said: Hi Milan, we have not yet reviewed the paper, but plan to.',
      'joetoronto says: November 19, 2019 at 6:44 am It’s time for both fans to come to grips with reality.',
      'joetoronto says:\nNovember 19, 2019 at 6:44 am',
    ]) {
      const r = runRule(legalAdsComments, `${signature}\n`);
      // The date on a line of its own is left to bylines-stamps.
      expect(r.text).toBe(signature.includes('\n') ? 'November 19, 2019 at 6:44 am\n' : '');
      expect(r.removed[0].reason).toBe('signature of a comment');
    }
  });
  it('keeps a quote’s lead-in, which has no time stamp, and a sentence that dates one (more than a name before it)', () => {
    for (const keep of ['The minister said:', 'In a statement on Monday, the company said: “We regret the outage.”', 'Lynn says: We needed to win this game at 4:30.', 'On Monday at 10:30 officials said: the road is open.', 'A police statement issued on Jan. 5, 2019 at 10:30 a.m. said: the bridge stays closed.', 'Musk, in a post on X on March 3, 2024 at 9:15 pm, wrote: the bridge is a disgrace.', 'The report says: November 19, 2019 at 6:44 am was when the first call came in.']) {
      expect(runRule(legalAdsComments, keep + '\n').text).toBe(keep + '\n');
    }
  });
});

describe('related-blocks', () => {
  it('removes a header after the article with its teaser lines', () => {
    const input = `${BODY}\n\nRELATED STORIES\nWorld welcomes 2024 with fireworks\nThe world welcomed 2024 with a mix of celebration.\n\n${BODY.replace('long', 'second long')}\n`;
    const r = runRule(relatedBlocks, input);
    expect(paragraphs(r.text)).toEqual([BODY, BODY.replace('long', 'second long')]);
    expect(r.removed.map((x) => x.reason)).toEqual(['related-content header', 'teaser in a related-content block', 'teaser in a related-content block']);
  });
  it('removes in-body teaser links in several languages', () => {
    for (const teaser of ['READ MORE: Why the plan failed', 'Related: Five things to know', 'Lire aussi : La loi sur le renseignement', 'Leggi anche: il remake']) {
      expect(runRule(relatedBlocks, `${BODY}\n\n${teaser}\n`).text).toBe(BODY + '\n');
    }
  });
  it('knows related headers in Czech, Slovak and Polish too', () => {
    for (const header of ['Související', 'Súvisiace články', 'Czytaj także']) {
      const input = `${BODY}\n\n${header}\nKrmenčík divoce slavil gól své Plzni\nAgüera převezli do nemocnice\n`;
      expect(runRule(relatedBlocks, input).text).toBe(BODY + '\n');
    }
  });
  it('leaves headers above the article to the content stage', () => {
    expect(runRule(relatedBlocks, `Trending Latest Sections\n\n${BODY}\n`).text).toBe(`Trending Latest Sections\n\n${BODY}\n`);
  });
  it('removes a header set tight on the first long line, with that line (a glued list of headlines)', () => {
    const list = '1 Old photo sparks conspiracy theories about a famous activist, 2 Aides allegedly left staffers notes saying they will fail, 3 Another story about the weather in the city this week';
    const r = runRule(relatedBlocks, `Most Popular Today\n${list}\n\n${BODY}\n`);
    expect(paragraphs(r.text)).toEqual([BODY]);
  });
});

describe('ad labels', () => {
  it('legal-ads-comments: `reklama` alone on a line is an ad label (Czech, Slovak, Polish)', () => {
    expect(runRule(legalAdsComments, `${BODY}\n\nreklama\n\n${BODY.replace('long', 'second long')}\n`).removed.map((x) => x.text)).toEqual(['reklama']);
  });
});

describe('prompt runs', () => {
  it('end the article like a related block: the sign-up form and the text glued to it go', () => {
    const more = BODY.replace('long', 'second long');
    const input = `${BODY}\n\n${more}\n\n${BODY.replace('long', 'third long')}\n\n${BODY.replace('long', 'fourth long')}\n\n${BODY.replace('long', 'fifth long')}\n\nSubscribe to our newsletter\nSign up\nFollow us\nYou have successfully subscribed to the list of this company and will hear from us soon.\nAn email with a link has been sent to your address, so please check your inbox to confirm it.\n`;
    const r = clean(input);
    expect(r.text).not.toContain('successfully subscribed');
    expect(r.removed.find((x) => x.text.startsWith('You have'))!.reason).toBe('after the article’s end');
  });
});

describe('related headers and the headline', () => {
  it('never takes a related-content header above the article for the headline, also one that ends a line', () => {
    const input = `The Band Unites With An Old Friend For Its Anniversary Tour\n\nBy\nJane Doe\n\nJane Doe's Most Recent Stories\nThe Band Unites With An Old Friend For Its Anniversary Tour\nAnother Story About Music Here\n\n${BODY}\n`;
    expect(clean(input).title).toBe('The Band Unites With An Old Friend For Its Anniversary Tour');
  });
});

describe('main-content', () => {
  it('keeps the headline and the article, removes chrome before and after', () => {
    const input = `Home\nNews\nWorld\n\nA headline about the news of the day\n\nJane Doe\n\n${BODY}\n\nA short heading\n\n${BODY.replace('long', 'second')}\n\nAbout us\nContact\nJobs\n`;
    const r = runRule(mainContent, input);
    expect(r.title).toBe('A headline about the news of the day');
    expect(paragraphs(r.text)).toEqual(['A headline about the news of the day', BODY, 'A short heading', BODY.replace('long', 'second')]);
  });
  it('keeps a standfirst between the headline and the body', () => {
    const input = `Headline of the story goes here\n\nA standfirst that sums up the story in one line of text\n\nBy Jane Doe\n\n${BODY}\n`;
    expect(paragraphs(runRule(mainContent, input).text)).toEqual(['Headline of the story goes here', 'A standfirst that sums up the story in one line of text', BODY]);
  });
  it('leaves a page with no body line as it is', () => {
    expect(runRule(mainContent, 'one\ntwo three\n').text).toBe('one\n\ntwo three\n');
  });
});

describe('syndication-wrappers', () => {
  it('cuts the aggregator prefix, end marks, slugs and closing credits', () => {
    const input = ' date 2024-01-04 (MENAFN- Kuwait News Agency (KUNA)) WASHINGTON, Jan 4 (KUNA) -- Russia fired missiles.\n\nOfficials said more aid is needed. (end)\n\nasj\n';
    expect(runRule(syndicationWrappers, input).text).toBe('WASHINGTON, Jan 4 (KUNA) -- Russia fired missiles.\n\nOfficials said more aid is needed.\n');
    expect(runRule(syndicationWrappers, '(Reporting by Kanishka Singh in Washington; Editing by Leslie Adler)\n').text).toBe('');
    expect(runRule(syndicationWrappers, 'This article was originally published by Futurism. Read the original article.\n').text).toBe('');
  });
  it('cuts a wire credit closing the last paragraph only', () => {
    const input = 'It may have led to a deal (Yonhap) and more.\n\nThe summit might have led to an arms deal. (Yonhap)\n';
    expect(runRule(syndicationWrappers, input).text).toBe('It may have led to a deal (Yonhap) and more.\n\nThe summit might have led to an arms deal.\n');
  });
});

describe('headline-suffix', () => {
  const title = (t: string) => clean(`${t}\n\n${BODY}\n`).title;
  it('cuts the whole trailing run of site and section names', () => {
    expect(title('Korea North supplies missiles to Russia, White House says | War in Ukraine')).toBe('Korea North supplies missiles to Russia, White House says');
    expect(title('How to build a terrarium at home | Garden | eHow')).toBe('How to build a terrarium at home');
    expect(title('Opinion | Republicans Are Following Trump to Nowhere')).toBe('Republicans Are Following Trump to Nowhere');
  });
  it('keeps an attribution and a dash that is part of the title', () => {
    expect(title('Russia fired more N. Korean ballistic missiles at Ukraine: White House')).toBe('Russia fired more N. Korean ballistic missiles at Ukraine: White House');
    expect(title('Take C.A.R.E. - comwrap auf der DMEXCO 2018')).toBe('Take C.A.R.E. - comwrap auf der DMEXCO 2018');
  });
  it('is a no-op without a headline', () => {
    expect(runRule(headlineSuffix, 'A | B\n').text).toBe('A | B\n');
  });
});

describe('duplicates', () => {
  it('removes a later word-for-word copy, ignoring quote style', () => {
    const input = 'Kirby said the launch was "a concerning escalation."\n\nKirby said the launch was “a concerning escalation.”\n';
    expect(runRule(duplicates, input).text).toBe('Kirby said the launch was "a concerning escalation."\n');
  });
  it('lets short lines repeat', () => {
    expect(runRule(duplicates, ']\n\n]\n').text).toBe(']\n\n]\n');
  });
});

describe('later additions', () => {
  it('duplicates: removes a line that repeats the opening sentences of an earlier paragraph', () => {
    const lede = 'Shares of Home Depot are dropping after the company cut guidance. But the lowered forecast is not a problem, analysts say.';
    const r = runRule(duplicates, `${lede}\n\nShares of Home Depot are dropping after the company cut guidance.\n`);
    expect(r.text).toBe(lede + '\n');
    expect(r.removed[0].reason).toBe('repeats the opening of an earlier paragraph');
  });
  it('main-content: a title-case headline may end in a full stop', () => {
    const r = runRule(mainContent, `Home Depot Stock Is Falling After Its Earnings Release. Why You Shouldn’t Worry.\n\n${BODY}\n`);
    expect(r.title).toBe('Home Depot Stock Is Falling After Its Earnings Release. Why You Shouldn’t Worry.');
  });
  it('main-content: a list inside the article stays', () => {
    const input = `Headline of the story goes here\n\n${BODY}\n\nThe ranking was as follows:\n1. Finland\n2. Norway\n3. Australia\n\n${BODY.replace('long', 'second')}\n`;
    expect(paragraphs(runRule(mainContent, input).text)).toContain('2. Norway');
  });
  it('navigation: a breadcrumb may end in the page title, a pager is navigation', () => {
    expect(runRule(navigation, 'Mac & i > News > 2015 > 1Password für Mac generiert Einmal-Passwörter\n« Vorige | Nächste »\n').text).toBe('');
  });
  it('captions-credits: a caption above a media label and a handle credit', () => {
    expect(runRule(captionsCredits, `${BODY}\n\nРазве этой красотке дашь 53 года?\nФото\n@paulinaporizkov\n`).text).toBe(BODY + '\n');
  });
  it('main-content: another article\'s headline between two paragraphs goes, a short heading stays', () => {
    const teaser = "'Meth. We're On It.': South Dakota spends $449K on new anti-meth ad campaign";
    const input = `Headline of the story goes here\n\n${BODY}\n\n${teaser}\n\n${BODY.replace('long', 'second')}\n\nKEY QUOTES\n\n${BODY.replace('long', 'third')}\n`;
    const out = paragraphs(runRule(mainContent, input).text);
    expect(out).not.toContain(teaser);
    expect(out).toContain('KEY QUOTES');
  });
  it('syndication-wrappers: a note on the author closing the article goes', () => {
    const note = 'Andrés Malamud es politólogo e investigador en la Universidad de Lisboa.';
    expect(runRule(syndicationWrappers, `${BODY}\n\n${note}\n`).text).toBe(BODY + '\n');
    expect(runRule(syndicationWrappers, `${note}\n\n${BODY}\n`).text).toBe(`${note}\n\n${BODY}\n`);
  });
  it('main-content: the line under a breadcrumb, or the breadcrumb\'s last item, is the headline', () => {
    const under = `Главная » Интересное\n\nСкайрим скорость бега как увеличить\n\nХарактеристики бега можно увеличить за счет кодов\n\nplayer.setav stamina *\n\n${BODY}\n`;
    const r = clean(under);
    expect(r.title).toBe('Скайрим скорость бега как увеличить');
    expect(paragraphs(r.text)).toContain('player.setav stamina *');
    const tail = `Fables > This month > The greedy dog\n\nThe greedy dog\n\nRead it in hiragana or in English\n\nListen to the audio version now\n\n${BODY}\n`;
    expect(clean(tail).title).toBe('The greedy dog');
  });
  it('main-content: a story\'s closing formula after the last paragraph stays', () => {
    const input = `A fable about a greedy dog\n\n${BODY}\n\nThe End\n\nMore fables\nThe fox and the grapes\n`;
    expect(paragraphs(runRule(mainContent, input).text)).toEqual(['A fable about a greedy dog', BODY, 'The End']);
  });
  it('legal-ads-comments: comment headers and counts end the article, even with much text after them', () => {
    const comments = Array.from({ length: 6 }, (_, k) => `Reader ${k} wrote a long comment that reads just like a paragraph of prose about the story.`).join('\n\n');
    const input = `Headline of the story goes here\n\n${BODY}\n\n${BODY.replace('long', 'second')}\n\n[ 167 comments ]\n\n${comments}\n`;
    const out = paragraphs(clean(input).text);
    expect(out).toEqual(['Headline of the story goes here', BODY, BODY.replace('long', 'second')]);
    expect(runRule(legalAdsComments, 'Posted in Open thread | Permalink | 10 Comments\nTop Rated Comments\n').text).toBe('');
  });
  it('calls-to-action: a long cookie notice goes', () => {
    const notice = 'This website uses cookies to improve your experience while you navigate through the website. Out of these cookies, the cookies that are categorized as necessary are stored on your browser as they are essential for the working of basic functionalities of the website. We also use third-party cookies that help us analyze and understand how you use this website.';
    expect(runRule(callsToAction, notice + '\n').removed[0].reason).toBe('cookie notice');
  });
  it('related-blocks: a “Read More” button goes alone; the text after it stays', () => {
    const r = runRule(relatedBlocks, `${BODY}\n\nRead More\n${BODY.replace('long', 'hidden')}\n${BODY.replace('long', 'last')}\n`);
    expect(paragraphs(r.text)).toEqual([BODY, BODY.replace('long', 'hidden'), BODY.replace('long', 'last')]);
  });
  it('main-content: Chinese prose with spaces for commas is body text, a tag cloud is not', async () => {
    const { isBodyText } = await import('../src/util/shape.js');
    expect(isBodyText('一波波接續性低溫寒流報到 已將新竹尖石鄉後山一帶層層山巒披上嫣紅的彩衣 玉峰道路一路上雲氣山嵐滯留山頭')).toBe(true);
    expect(isBodyText('新竹新埔一日遊 新竹觀光 旅遊景點 柿餅加工廠 金漢觀光果園 台灣 新竹 六福村主題樂園一日遊 新竹新埔 悠閒半日遊 鴛鴦池農場')).toBe(false);
    expect(isBodyText('adote um amigo agua alerta ambiente amizade atendimento atirador bem-estar biblioteca caminhada campanha cultura defesa economia educação esportes eventos fazenda gabinete geral habitação')).toBe(false);
  });
  it('related-blocks: news-ticker items after the article start go; a timed sentence stays', () => {
    const r = runRule(relatedBlocks, `${BODY}\n\n14:44   Accusations de viols : 14 militaires mis en cause, certains identifiés\n\n10:30 The meeting began with a long statement by the chair of the committee.\n`);
    expect(paragraphs(r.text)).toEqual([BODY, '10:30 The meeting began with a long statement by the chair of the committee.']);
  });
});

describe('more general wording', () => {
  it('takes headers worded around a site name for related headers', () => {
    const input = `${BODY}\n\nMore Great WIRED Stories\nThe strange life of a coder\nHow to opt out of data brokers\n\n${BODY.replace('long', 'second long')}\n`;
    expect(paragraphs(runRule(relatedBlocks, input).text)).toEqual([BODY, BODY.replace('long', 'second long')]);
  });
  it('removes follow prompts with an account name and share-with-a-friend prompts', () => {
    for (const prompt of ['Follow RT on', 'Follow The Verge on Twitter', 'Like this story? Share it with a friend!']) {
      expect(runRule(callsToAction, `${BODY}\n\n${prompt}\n`).text, prompt).toBe(BODY + '\n');
    }
    expect(runRule(callsToAction, `${BODY}\n\nFollow the river on foot for an hour.\n`).text).toContain('Follow the river');
  });
  it('removes a long number alone on a line, not a year or a number in a sentence', () => {
    expect(runRule(trackingIds, `${BODY}\n191119052250266\n`).text).toBe(BODY + '\n');
    expect(runRule(trackingIds, `${BODY}\n2019\n`).text).toBe(`${BODY}\n\n2019\n`);
  });
});

describe('syndication-wrappers and character references', () => {
  it('cuts an end mark followed by white space written as a reference, in one pass', () => {
    expect(clean('(end)&#13;').text).toBe('');
    expect(clean(`${BODY} (end)&#10;&nbsp;`).text).toBe(BODY + '\n');
  });
});

describe('breadcrumbs with a site suffix', () => {
  it('judges a breadcrumb without its trailing `| Section | Site`, so a second pass agrees with the first', () => {
    const input = 'Главная » ИнтересноеTitle of the page | Section | Site\nOfficials said the new timetable would take effect in March, after a consultation.';
    expect(cleanSettled(input).text).toBe('Officials said the new timetable would take effect in March, after a consultation.\n');
    expect(runRule(navigation, `Title of the page here | News » World\n${BODY}\n`).text).toContain('Title of the page here');
  });
});

describe('cuts that leave nothing to read', () => {
  it('remove the line when only punctuation is left, and every tail credit goes in one pass', () => {
    expect(clean('/(end)').text).toBe('');
    expect(cleanSettled('北京时间2024年1月4日，新华社报道。(Yonhap)(Yonhap)').text).toBe('北京时间2024年1月4日，新华社报道。\n');
  });
});

describe('headline-suffix settles in one pass', () => {
  it('cuts every site or section name it would cut a second time', () => {
    const input = 'Title of the page | Section | SiteГлавная » Интересное\nOfficials said the new timetable would take effect in March, after a consultation.';
    expect(cleanSettled(input).title).toBe('Title of the page');
  });
});

describe('a sentence with a bracketed credit', () => {
  it('still ends like a sentence, so cutting the credit changes nothing else', () => {
    const input = 'עברית: זה משפט ארוך בתוך גוף הכתבה.\nOfficials said the new timetable would take effect in March, after a consultation.(Yonhap)';
    expect(cleanSettled(input).text).toBe('Officials said the new timetable would take effect in March, after a consultation.\n');
  });
});

describe('rules that see what another rule cut', () => {
  it('find a prefix once a tracking parameter before it is cut, and a photo credit before a wire credit', () => {
    for (const input of ['?utm_source=feed&utm_medium=rssdate 2024-01-04 (MENAFN- Kuwait News Agency (KUNA))', '0FILE PHOTO: a caption. KCNA via REUTERS/File Photo(Yonhap)']) {
      expect(clean(input).text, input).toBe('');
    }
    expect(cleanSettled('&#10;date 2024-01-04 (MENAFN- Kuwait News Agency (KUNA))5 min readOfficials said the new timetable would take effect in March, after a consultation.').text).not.toContain('MENAFN');
  });
});

describe('stray-html and escaped tags', () => {
  it('cuts bare and closing tags still escaped once, which would be tags after decoding', () => {
    const r = runRule(strayHtml, `${BODY.slice(0, -1)} &lt;/p&gt;&lt;p&gt;and more &lt;br /&gt; here.\n`);
    expect(r.text).toBe(`${BODY.slice(0, -1)} and more here.\n`);
    expect(clean('&lt;A&gt;').text).toBe('');
    // An escaped tag inside a tag's attribute goes with the tag, in one cut.
    expect(runRule(strayHtml, `${BODY} <p title="&lt;b&gt;">\n`).removed).toHaveLength(1);
  });
});

describe('the page footer', () => {
  const ARTICLE = [
    'Low-carb diets promise quick results, but most people find them hard to keep up for long.',
    'A dietitian explains how to plan meals that keep you full without cutting out whole food groups.',
    'Start with vegetables and protein at every meal, then add whole grains in smaller portions.',
    'Plan snacks ahead of time, so that hunger in the afternoon does not lead to vending machines.',
    'Drink water before meals: thirst is easily mistaken for hunger, especially in the late afternoon.',
    'Sleep matters too, since people who sleep badly tend to eat more sugar the following day.',
    'Keep a simple food diary for two weeks to see which habits make the biggest difference for you.',
    'Finally, allow yourself a treat now and then, because a plan that forbids everything rarely lasts.',
  ].join('\n\n');
  const DISCLAIMERS = [
    'The information provided on this website was originally intended for a US audience and may not apply where you live.',
    'Results vary depending on starting point, goals and effort, and exercise and proper diet are necessary to lose weight.',
  ].join('\n\n');
  const NOTICE = '© 2019 Example Health, LLC. All rights reserved. Example Health is the owner of the Example trademarks and all related designs.';

  it('legal-ads-comments: a long copyright notice goes and opens the footer', () => {
    const r = runRule(legalAdsComments, `${ARTICLE}\n\n${NOTICE}\n`);
    expect(r.removed.map((x) => [x.rule, x.reason])).toEqual([['legal-ads-comments', 'copyright notice']]);
    // Up to 80 words, as long as site footers write them.
    const long = `${NOTICE} Apple, the Apple logo, iPad and iPhone are trademarks of Apple Inc., registered in the U.S. and other countries, and App Store is a service mark of Apple Inc.`;
    expect(runRule(legalAdsComments, `${ARTICLE}\n\n${long}\n`).removed.map((x) => x.reason)).toEqual(['copyright notice']);
    // Prose that mentions copyright is no notice.
    const prose = 'The court said the copyright of the photograph, which was taken in 2019, belongs to the agency and not the paper.';
    expect(runRule(legalAdsComments, `${prose}\n`).removed).toEqual([]);
  });

  it('main-content: paragraphs after a related block that run into the footer are disclaimers', () => {
    // The block's teaser goes; the paragraphs after it would read as the article going on.
    const related = 'Related Articles\n\nWhy Am I Not Losing Weight?';
    expect(paragraphs(clean(`${ARTICLE}\n\n${related}\n\n${DISCLAIMERS}\n`).text)).toEqual([...ARTICLE.split('\n\n'), ...DISCLAIMERS.split('\n\n')]);
    // Unless they lead to the page's footer.
    expect(paragraphs(clean(`${ARTICLE}\n\n${related}\n\n${DISCLAIMERS}\n\n${NOTICE}\n`).text)).toEqual(ARTICLE.split('\n\n'));
  });
});

describe('hard-wrapped text', () => {
  const RFC = [
    'This draft describes a protocol by which client-side applications,',
    'running inside a web browser, can communicate with a data storage',
    'server that is hosted on a different domain name. This way, the',
    'provider of a web application need not also play the role of data',
    'storage provider.',
  ];
  const SECOND = [
    'Internet-Drafts are working documents that are valid for a maximum',
    'of six months and may be updated, replaced, or obsoleted by other',
    'documents at any time, which is why they are cited as work in progress.',
  ];

  it('main-content: lines that run on in lower case are one paragraph of the article', () => {
    const page = `[Docs] [txt|pdf] [Tracker]\n\nAbstract\n\n${RFC.join('\n')}\n\nStatus of this Memo\n\n${SECOND.join('\n')}\n\nde Jong                    [Page 1]\n`;
    const kept = paragraphs(clean(page).text);
    for (const line of [...RFC, ...SECOND]) expect(kept).toContain(line);
    expect(kept).not.toContain('[Docs] [txt|pdf] [Tracker]');
    expect(clean(clean(page).text).text).toBe(clean(page).text);
  });

  it('main-content: a teaser title above its source line does not run on', () => {
    const teasers = Array.from({ length: 4 }, (_, i) => `What Being Asexual Tells Us About Sex And Romance Part ${i + 1}\naeon.co Sex\n\nA short summary of the story that the site recommends to its readers today.`).join('\n\n');
    const article = Array.from({ length: 5 }, (_, i) => `The article's paragraph number ${i + 1} is long enough to read as the body of the story on this page.`).join('\n\n');
    const kept = paragraphs(clean(`${article}\n\nMore Stories\n\n${teasers}\n`).text);
    expect(kept.some((p) => p.startsWith('What Being Asexual'))).toBe(false);
  });
});

describe('articles with code', () => {
  it('main-content: SQL, comments and argument lists between paragraphs are part of the article', () => {
    const para = (n: number) =>
      `Paragraph ${n} explains the next query in plain words, so that a reader can follow what it computes. It also says why the window is sixty minutes long and what the results below mean for the alerts.`;
    const code = [
      'SELECT',
      'status_code,',
      'period,',
      'avg(entries) OVER (',
      'PARTITION BY status_code',
      'ORDER BY period',
      'ROWS BETWEEN 60 PRECEDING AND CURRENT ROW',
      ') AS mean_entries',
      'FROM',
      'server_log_summary',
      '-- In the demo data use:',
      "WHERE period > '2020-08-01 17:00 UTC'",
      'GROUP BY status_code, period',
    ].join('\n');
    const blocks: string[] = [];
    for (let b = 0; b < 4; b++) blocks.push(para(3 * b + 1), para(3 * b + 2), code);
    blocks.push(para(13), para(14));
    const kept = paragraphs(clean(`Home\n\nAbout\n\nSubscribe\n\n${blocks.join('\n\n')}\n`).text);
    for (let n = 1; n <= 14; n++) if (n % 3 !== 0) expect(kept).toContain(para(n));
  });
});

describe('articles with a long code sample', () => {
  it('main-content: the paragraphs after sixty lines of code still belong to the article', () => {
    const para = (n: number) => `Paragraph ${n} of the tutorial explains in plain words what the code does and why it is written this way.`;
    const code: string[] = [];
    for (let k = 0; k < 15; k++) code.push(`function step${k}(input) {`, '  if (!input) return [];', `  return input.map((x) => x * ${k});`, '}');
    const page = `Home\n\nAbout\n\nTesting your code\n\n${para(1)}\n\n${para(2)}\n\n${code.join('\n')}\n\n${para(3)}\n\n${para(4)}\n`;
    const kept = paragraphs(clean(page).text);
    for (const n of [1, 2, 3, 4]) expect(kept).toContain(para(n));
    expect(kept).toContain('if (!input) return [];');
  });
});

describe('pages that are a table', () => {
  it('main-content: the rows of a data table are the article, not the sidebar’s sentences', () => {
    const rows = ['Pos.\tDriver\tPoints\tWins', ...['Kyle Busch', 'Martin Truex', 'Kevin Harvick', 'Denny Hamlin', 'Joey Logano', 'Ryan Blaney', 'Kyle Larson', 'Chase Elliott'].map((name, k) => `${k + 1}\t${name}\t${5040 - 10 * k}\t${8 - k}`)];
    const sidebar = 'Click the picture above and see how the drivers are ranked this season, race by race and overall.';
    const chrome = ['Tags', 'standings, cup series, results', 'Columns', 'Power ranking', 'Podcast', 'Videos'].join('\n\n');
    const page = `News\n\nStandings\n\nResults\n\nCup Series standings after the final race\n\n${rows.join('\n')}\n\n${chrome}\n\n${sidebar}\n\nContact us\n`;
    const kept = paragraphs(clean(page).text);
    expect(kept[0]).toBe('Cup Series standings after the final race');
    for (const row of rows) expect(kept).toContain(row.replace(/\t/g, ' '));
    expect(kept).not.toContain(sidebar);
  });
});

describe('a row of widgets after the article', () => {
  it('main-content: a related header followed by another header before any paragraph ends the article, however much teaser prose follows', () => {
    const para = (n: number) => `Paragraph ${n} of the story says what the council decided on Monday, and why the vote on the river plan took so long.`;
    const blurb = (n: number) => `Teaser ${n} tells readers about another story on the site, with enough words in it to pass for a paragraph of prose.`;
    const deals = [1, 2, 3, 4, 5].flatMap((n) => [`Deal ${n}: a discount on a laptop`, blurb(n)]);
    const blocks = ['Home', 'Council backs the river plan', para(1), para(2), para(3), 'Related', 'river plan', 'council', 'Read these next', 'Bus lanes vote delayed again', 'Trending', 'Deals', ...deals];
    const kept = paragraphs(cleanSettled(blocks.join('\n\n') + '\n').text);
    for (const n of [1, 2, 3]) expect(kept).toContain(para(n));
    for (const n of [1, 2, 3, 4, 5]) expect(kept).not.toContain(blurb(n));
  });
});

describe('charts drawn as text', () => {
  it('main-content: a chart’s axis of numbers between paragraphs does not cut the article in two', () => {
    const para = (n: number) => `Paragraph ${n} of the story explains why the interest on the debt will soon cost more than the military, and what that means.`;
    const axis = ['$900', 'billion', '600', '300', '0', ...Array.from({ length: 12 }, (_, i) => `’${17 + i}`)];
    const page = ['Home', 'As debt rises, interest will soon cost more than the military', para(1), para(2), 'Interest payments on the national debt', ...axis, 'Source: Congressional Budget Office', para(3), para(4)].join('\n\n') + '\n';
    const kept = paragraphs(cleanSettled(page).text);
    for (const n of [1, 2, 3, 4]) expect(kept).toContain(para(n));
  });
});

describe('lists run on with commas', () => {
  it('main-content: a long line of names after the article is no paragraph of it, even when it ends like a sentence', () => {
    const para = (n: number) => `Paragraph ${n} of the story says what the council decided on Monday, and why the vote on the river plan took so long.`;
    const names = Array.from({ length: 60 }, (_, i) => `reader${i}`).join(', ') + ' and 300 more users left kudos on this work!';
    const page = ['Home', 'Council backs the river plan', para(1), para(2), para(3), 'Actions', 'Top', names, 'Terms of Service'].join('\n\n') + '\n';
    const kept = paragraphs(cleanSettled(page).text);
    for (const n of [1, 2, 3]) expect(kept).toContain(para(n));
    expect(kept).not.toContain(names);
  });
});

describe('pages without blank lines', () => {
  it('parser: a page with one block per line and no blank line cleans as the same page with blank lines', () => {
    const para = (n: number) => `Paragraph ${n} of the story says what the council decided on Monday, and why the vote on the river plan took so long.`;
    const blocks = ['Home', 'News', 'Council backs the river plan after a long debate', para(1), para(2), 'What the plan means for the town', 'Who will pay for the new works', 'When the first works will start', 'What the critics of the plan say', para(3), 'Thanks to everyone who helped us report this', 'Contact us'];
    const single = clean(blocks.join('\n') + '\n');
    expect(single.text).toBe(clean(blocks.join('\n\n') + '\n').text);
    expect(paragraphs(single.text)).toContain(para(3));
    expect(paragraphs(single.text)).not.toContain('Contact us');
  });

  it('parser: one stray empty line (here a zero-width space) among fifty does not make the page read as two long paragraphs', () => {
    const para = (n: number) => `Paragraph ${n} of the story says what the council decided on Monday, and why the vote on the river plan took so long.`;
    const items = Array.from({ length: 24 }, (_, i) => `Section ${i + 1}`);
    const blocks = ['Home', ...items, 'Council backs the river plan after a long debate', para(1), para(2), 'What the plan means for the town', 'Who will pay for the new works', 'When the first works will start', 'What the critics of the plan say', para(3), 'Thanks to everyone who helped us report this', ...items];
    const stray = blocks.slice(0, 20).join('\n') + '\n\u200b\n' + blocks.slice(20).join('\n') + '\n';
    expect(clean(stray).text).toBe(clean(blocks.join('\n\n') + '\n').text);
  });
});

describe('comments longer than the article', () => {
  it('main-content: a comment is never the article, however much more text it has', () => {
    const post = 'Our goal with these open threads is to give readers a place to ask us questions in public, and we answer them here.';
    const chrome = ['Posted in Open thread', 'Permalink', 'Previous Post', 'Next Post', 'Share', 'Facebook', 'Twitter', 'Email', 'Print', 'Archives'];
    const reply = (n: number) => `Point ${n} of my question is about how the new paper changes your view of the program, since its results differ from the first study in several ways.`;
    const comment = [1, 2, 3, 4, 5].map(reply);
    const page = ['Open thread for September', post, chrome.join('\n'), 'Alex on September 17, 2018 at 6:34 am said:', ...comment].join('\n\n') + '\n';
    const kept = paragraphs(cleanSettled(page).text);
    expect(kept).toContain(post);
    for (const c of comment) expect(kept).not.toContain(c);
  });
});

describe('dated teasers after a related header', () => {
  it('main-content: a related header ends the article when stamps of one template follow it between blurbs, however long they are', () => {
    const para = (n: number) => `Paragraph ${n} of the story says what the council decided on Monday, and why the vote on the river plan took so long.`;
    const blurb = (topic: string) => `Our reporter looked at ${topic} for a week, and what she found there surprised almost everyone in the town hall.`;
    const teasers = ['the schools', 'the roads', 'the parks', 'the buses'].flatMap((topic, i) => [
      `What went wrong with ${topic}`,
      'Jane Doe',
      `Wednesday November ${20 - i}, 2019`,
      blurb(topic),
      blurb(topic).replace('a week', 'a month'),
    ]);
    const page = ['Council backs the river plan', para(1), para(2), para(3), 'Opinion', ...teasers].join('\n\n') + '\n';
    const kept = paragraphs(cleanSettled(page).text);
    expect(kept).toContain(para(3));
    expect(kept.some((p) => p.includes('Our reporter'))).toBe(false);
  });
  it('main-content: an article with dates of different shapes after such a header stays', () => {
    const para = (n: number) => `Paragraph ${n} of the history says what the settlers built in the valley, and why the first town hall burned down.`;
    const page = ['A short history of the valley', para(1), 'Opinion', 'The first settlers', 'Farms, mills and the first roads', para(2), 'May 1856', para(3), 'November 12, 1947', para(4), para(5), para(6)].join('\n\n') + '\n';
    const kept = paragraphs(cleanSettled(page).text);
    expect(kept).toContain(para(6));
  });
});

describe('pages that are a list', () => {
  it('main-content: the items of a long list are the article, not the page’s one sentence of footer', () => {
    const items = ['Added granite and diorite stone blocks', 'Added the slime block', 'Villagers now harvest crops and plant new ones', 'Doors now come in every wood type', 'Added a spectator game mode', 'Worlds can now have a world border', 'Added three new statistics to the game'].map((t) => `+ ${t}`);
    // Without the list, the one sentence of prose on the page (its footer) would be taken for the article.
    const footer = 'This blog is not affiliated with the makers of the game, and every name used here belongs to its owners.';
    const page = `Minecraft News\n\nPowered by Tumblr\n\nMinecraft 1.8 - The Bountiful Update\n\n${items.join('\n')}\n\nPosted 2 years ago\n\n${footer}\n`;
    const kept = paragraphs(clean(page).text);
    for (const item of items.filter((i) => i.split(' ').length > 4)) expect(kept).toContain(item);
  });
});

describe('comment headers', () => {
  it('legal-ads-comments: `There are 13 comments` opens the comments, and ends the article', () => {
    const article = Array.from({ length: 4 }, (_, i) => `Paragraph ${i + 1} of the story reports what the survey found about the demand for developers this year.`).join('\n\n');
    const comments = 'There are 13 comments\n\nSallie · March 10, 2017 at 12:20 AM\n\nIf there were really no demand for developers, I would not be so busy this month.\n\nReply';
    const r = clean(`${article}\n\n${comments}\n`);
    expect(paragraphs(r.text)).toEqual(article.split('\n\n'));
    expect(r.removed.find((x) => x.text === 'There are 13 comments')?.rule).toBe('legal-ads-comments');
    // A sentence that counts comments is no header.
    expect(runRule(legalAdsComments, 'Readers left more than 13 comments on the mayor’s first post about the plan.\n').removed).toEqual([]);
  });
});
