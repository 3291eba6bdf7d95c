// Line breaks for text that came without them: the learned model of
// src/util/line-breaks.ts, its training labels, and its use in the pipeline.
import { describe, expect, it } from 'vitest';
import { BREAK_FEATURES, breakSpans, defaultBreakModel, phraseIndex, stopwordsFor, wordFacts, forEachGap, type BreakModel } from '../src/util/line-breaks.js';
import { clean } from '../src/index.js';
import { breakPage, breakRows, lexiconOf, oneLine, trainingRows } from '../bench/lr.mjs';

const pieces = (text: string, model?: BreakModel) => breakSpans(text, model).map(([a, b]) => text.slice(a, b));
const prose = Array.from(
  { length: 20 },
  (_, i) => `The council voted on plan number ${i + 1} for the river after a long debate, and most members agreed that the work should start in spring.`,
).join(' ');

describe('line breaks of text without them', () => {
  it('cuts a menu joined onto one line into short pieces and keeps the sentences after it whole', () => {
    const menu = 'Skip to content Home News Sport Weather Business Culture Travel Video Live Newsletters Sign In';
    const got = pieces(`${menu} ${prose}`);
    const first = got.findIndex((p) => p.includes('The council voted on plan number 1 '));
    expect(first).toBeGreaterThanOrEqual(5);
    for (const p of got.slice(0, first)) expect(p.split(' ').length).toBeLessThanOrEqual(3);
    // Each sentence of the prose is whole, in one piece or in a paragraph of several.
    const rest = got.slice(first);
    for (let i = 1; i <= 20; i++) expect(rest.some((p) => p.includes(`plan number ${i} for the river after a long debate, and most members agreed that the work should start in spring.`))).toBe(true);
  });

  it('cuts Chinese after a sentence and next to short runs (menu items), not between the long phrases of a paragraph', () => {
    const menu = '首页 新闻 体育 娱乐 视频 财经 证券 汽车';
    // Phrases spaced as commas, as some Chinese blogs write them: one paragraph.
    const first = '一波波接續性低溫寒流報到 已將新竹尖石鄉後山一帶層層山巒披上嫣紅的彩衣 玉峰道路一路上雲氣山嵐滯留山頭';
    const second = '在英国求学六年后，李博灏希望能够学有所用，为国家发展贡献自己的力量。';
    const got = pieces(`${menu} ${second} ${first} 关于我们 联系我们`);
    expect(got).toContain(second);
    expect(got).toContain(first);
    expect(got.indexOf(second)).toBeGreaterThanOrEqual(2);
    for (const p of got.slice(0, got.indexOf(second))) expect(p.length).toBeLessThanOrEqual(12);
    // A sentence's end inside its closing quote ends the line too.
    const quoted = '「出国读研之前，我在国内学习法学，因此对两会非常关注。」';
    expect(pieces(`${quoted} ${first}`)).toEqual([quoted, first]);
  });

  it('gives spans in order that hold every word once', () => {
    const text = `Home | News | Sport  ${prose}   About Us Contact Us Privacy Policy`;
    const spans = breakSpans(text);
    for (let i = 1; i < spans.length; i++) expect(spans[i][0]).toBeGreaterThan(spans[i - 1][1]);
    expect(spans.map(([a, b]) => text.slice(a, b)).join(' ').split(/\s+/)).toEqual(text.trim().split(/\s+/));
  });

  it('cuts a piece of over 1,000 characters at its sentence ends even when the model sees no break', () => {
    const never: BreakModel = { ...defaultBreakModel(), threshold: 1 };
    const got = pieces(prose, never);
    expect(got).toHaveLength(20);
    expect(pieces(prose.slice(0, 500), never)).toHaveLength(1);
  });

  it('joins neighbouring pieces that fit in 12 characters together (a row of tiny items is one line)', () => {
    const text = 'Photo: by The (AP Photo/ Published : 5 Jan By '.repeat(50) + prose;
    const spans = breakSpans(text);
    expect(spans.length).toBeGreaterThan(60);
    for (let i = 1; i < spans.length; i++) {
      const joinable = spans[i][1] - spans[i - 1][0] <= 12 && !/[.!?…]$/.test(text.slice(spans[i - 1][0], spans[i - 1][1]));
      expect(joinable).toBe(false);
    }
  });

  it('ships a model whose weights match the features', () => {
    const model = defaultBreakModel();
    expect(model.features).toEqual(BREAK_FEATURES);
    for (const v of [model.weights, model.mean, model.scale]) expect(v).toHaveLength(BREAK_FEATURES.length);
    expect(model.threshold).toBeGreaterThan(0);
    expect(model.threshold).toBeLessThan(1);
  });

  it('marks the edges of the labels in the model’s phrase list, capitalised, as features of the gaps there', () => {
    const text = 'the paper said so Leave a Reply: Cancel reply now leave a reply here Home';
    const index = phraseIndex(['leave a reply', 'cancel reply', 'home']);
    const at = new Map<number, number[]>();
    forEachGap(wordFacts(text, stopwordsFor(text), index), (k, row) => at.set(k, [...row]));
    const feature = (name: string) => [...at].filter(([, row]) => row[BREAK_FEATURES.indexOf(name)] === 1).map(([k]) => k);
    // Words: the0 paper1 said2 so3 Leave4 a5 Reply:6 Cancel7 reply8 now9 leave10 a11 reply12 here13 Home14
    expect(feature('b_starts_phrase')).toEqual([4, 7]);
    expect(feature('a_ends_phrase')).toEqual([7, 9]);
    expect(feature('b_label_word')).toEqual([14]);
    expect(feature('a_label_word')).toEqual([]);
    // The shipped model carries its phrase list, and breaks before a label glued onto a sentence.
    expect(defaultBreakModel().phrases).toContain('leave a reply');
    expect(pieces(`${prose} Leave a Reply Cancel reply You must be logged in to post a comment.`)).toContain('Leave a Reply');
  });

  it('learns a lexicon of words that start lines, from words seen on three pages or more, without a page seeing its own breaks', () => {
    const page = (n: number) => Array.from({ length: 12 }, (_, i) => `Zorbleflux ${n}\nThe council met on day ${i} and talked about the river for a long time.`).join('\n') + '\n';
    const pages = [1, 2, 3].map((n) => breakPage(page(n)));
    const lexicon = lexiconOf(pages);
    expect(lexicon.before.zorbleflux).toBeGreaterThan(1);
    expect(lexicon.after.zorbleflux ?? 0).toBeLessThan(lexicon.before.zorbleflux);
    expect(lexiconOf(pages.slice(0, 2)).before.zorbleflux).toBeUndefined();
    // Trained on the three pages, each page's rows take the word's value from the other two only: none.
    const column = BREAK_FEATURES.indexOf('b_starts_lines');
    expect(trainingRows(pages).every((r: { x: number[] }) => r.x[column] === 0)).toBe(true);
    // The shipped model learned the words that open chrome lines, and that prose words do not.
    const shipped = defaultBreakModel().lexicon!;
    for (const word of ['advertisement', 'subscribe', 'follow']) expect(shipped.before[word]).toBeGreaterThan(2);
    for (const word of ['said', 'was', 'of']) expect(shipped.before[word]).toBeLessThan(-2);
  });

  it('learns from labels that mark exactly where the page had its line breaks', () => {
    const raw = 'Home\nNews  \n\nThe minister said on Monday that the plan would go ahead.\nIt was signed.\n';
    expect(oneLine(raw)).toBe('Home News   The minister said on Monday that the plan would go ahead. It was signed.\n');
    // Gaps: Home|News, News|The, then inside the sentence, then ahead.|It, It|was, was|signed.
    const labels = breakRows(raw).map((r) => r.y);
    expect(labels).toEqual([1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0]);
    expect(breakRows(raw)[0].x).toHaveLength(BREAK_FEATURES.length);
  });
});

describe('cleaning a page that came on one line', () => {
  it('drops a menu and a footer joined onto the article', () => {
    const page = `Home News Sport Business Culture Travel Video Live Newsletters Sign In ${prose} About Us Contact Us Privacy Policy Terms of Use Careers Advertise With Us`;
    const r = clean(page);
    expect(r.text).toContain('The council voted on plan number 1 for the river');
    expect(r.text).toContain('The council voted on plan number 20 for the river');
    for (const word of ['Newsletters', 'Sport', 'Privacy', 'Careers']) expect(r.text).not.toContain(word);
    for (const x of r.removed) expect(page.slice(x.start, x.end)).toBe(x.text);
  });

  it('cuts a short page on one line too (under 2000 characters, no other line)', () => {
    const story = prose.split('. ').slice(0, 8).join('. ') + '.';
    const page = `Home About Advertisements Job Vacancies Contact Home Latest Politics World News Entertainment Sports Events ${story} Facebook Twitter Popular Posts Follow by Email`;
    expect(page.length).toBeGreaterThan(1200);
    expect(page.length).toBeLessThan(2000);
    const r = clean(page);
    expect(r.text).toContain('The council voted on plan number 8 for the river');
    for (const word of ['Advertisements', 'Vacancies', 'Popular']) expect(r.text).not.toContain(word);
  });

  it('leaves a short text of one line whole when it cuts into sentences only (a paragraph, not a page)', () => {
    const paragraph = prose.split('. ').slice(0, 10).join('. ') + '.';
    expect(paragraph.length).toBeGreaterThan(1200);
    expect(paragraph.length).toBeLessThan(2000);
    expect(clean(paragraph).text).toBe(paragraph + '\n');
    // Its last sentence may lack its full stop.
    const unfinished = paragraph.slice(0, -1) + ' and the work goes on';
    expect(clean(unfinished).text).toBe(unfinished + '\n');
  });

  it('measures a single line by its text, so a line at the 1,200 mark cleans the same with or without a newline, again and again', () => {
    const sentences = prose.split('. ');
    let line = sentences.slice(0, 9).join('. ').replace('river after', 'river, after');
    line = line.replace('the river, after', 'the river after a long and tiring debate, and most members nodded').slice(0, 1200);
    for (const text of [line.slice(0, 1199), line.slice(0, 1200), line.slice(0, 1200) + 'x']) {
      const once = clean(text).text;
      expect(clean(text + '\n').text).toBe(once);
      expect(clean('  ' + text + '\r\n').text).toBe(once);
      expect(clean(once).text).toBe(once);
    }
  });

  it('takes a model of line breaks from the options', () => {
    const page = `Home News Sport Business Culture Travel Video Live Newsletters Sign In ${prose}`;
    const never: BreakModel = { ...defaultBreakModel(), threshold: 1 };
    // Without breaks the menu stays glued to the first sentence, so it is kept with it.
    expect(clean(page, { breakModel: never }).text).toContain('Newsletters');
    expect(clean(page).text).not.toContain('Newsletters');
  });
});
