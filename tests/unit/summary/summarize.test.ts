import { describe, expect, it } from 'vitest';
import { defaultCount, splitParagraphSentences, summarize, summaryStats } from '@/lib/summary';

// An invented local news story: a dateline lead, a quote, a related-link line and a credit.
const ARTICLE = [
  'SUKAMAJU, WARTADESA.ID - Banjir merendam ratusan rumah warga di Kecamatan Cibening, Kabupaten Sukamaju, setelah hujan deras mengguyur wilayah itu sejak Selasa malam. Ketinggian air di sejumlah titik mencapai satu meter lebih.',
  'Badan Penanggulangan Bencana Daerah (BPBD) Sukamaju mencatat sedikitnya 420 rumah terendam dan 1.150 warga mengungsi ke balai desa serta masjid terdekat.',
  '"Kami sudah mengerahkan perahu karet dan tim gabungan sejak dini hari. Prioritas kami warga lanjut usia dan anak-anak," kata Kepala BPBD Sukamaju, Dr. H. Rahmat Hidayat, Rabu (12/3).',
  'Baca juga: Jembatan Gantung di Cibening Kembali Dibuka untuk Warga',
  'Menurut BPBD, banjir dipicu meluapnya Sungai Cibening yang tidak mampu menampung debit air hujan. Tanggul di dua desa juga jebol akibat derasnya arus.',
  'Pemerintah kabupaten menetapkan status tanggap darurat selama tujuh hari. Dapur umum didirikan di tiga lokasi untuk memenuhi kebutuhan makan para pengungsi.',
  'Warga berharap pemerintah segera menormalisasi sungai agar banjir serupa tidak terulang setiap musim hujan. Sejumlah warga mengaku sudah tiga kali kebanjiran sejak awal tahun.',
  'Hingga Rabu sore, air mulai surut di beberapa desa, tetapi hujan diperkirakan masih turun hingga akhir pekan. BPBD meminta warga di bantaran sungai tetap waspada. (wd)',
];

const OTHER = [
  'Pasar tradisional di pusat kota Sukamaju kembali dibuka setelah direnovasi selama delapan bulan.',
  'Para pedagang menempati kios baru yang lebih bersih dan tertata rapi.',
];

function sentencesOf(paragraphs: string[]) {
  return splitParagraphSentences(paragraphs);
}

describe('defaultCount', () => {
  it('picks 3 for short, 4 for medium and 5 for long articles', () => {
    expect([1, 11, 12, 29, 30, 500].map(defaultCount)).toEqual([3, 3, 4, 4, 5, 5]);
  });
});

describe('summarize', () => {
  it('returns an empty summary for empty input', () => {
    for (const paragraphs of [[], ['', '  \n ']]) {
      expect(summarize({ paragraphs })).toEqual({
        keyPoints: [],
        wordCount: 0,
        readingMinutes: 1,
        lang: 'id',
      });
    }
  });

  it('gives the same word count, reading time and language as its stats alone (the reader shows those first)', () => {
    for (const input of [
      { paragraphs: ARTICLE, title: 'Banjir Rendam 420 Rumah' },
      { paragraphs: OTHER, lang: 'en' },
      { paragraphs: [] },
    ]) {
      const { keyPoints, ...stats } = summarize(input);
      expect(keyPoints).toBeDefined();
      expect(summaryStats(input)).toEqual(stats);
    }
    expect(summaryStats({ paragraphs: ARTICLE }).wordCount).toBeGreaterThan(100);
  });

  it('is deterministic and keeps no state between calls', () => {
    const first = summarize({ paragraphs: ARTICLE, title: 'Banjir Rendam Cibening' });
    summarize({ paragraphs: OTHER });
    const again = summarize({ paragraphs: [...ARTICLE], title: 'Banjir Rendam Cibening' });
    expect(again).toEqual(first);
  });

  it('uses the default count rule', () => {
    const n = sentencesOf(ARTICLE).length;
    expect(summarize({ paragraphs: ARTICLE }).keyPoints).toHaveLength(defaultCount(n));
  });

  it('honours an explicit count, capped by the number of sentences', () => {
    for (const count of [3, 5, 7]) {
      expect(summarize({ paragraphs: ARTICLE }, { count }).keyPoints).toHaveLength(count);
    }
    expect(summarize({ paragraphs: OTHER }, { count: 7 }).keyPoints).toHaveLength(2);
  });

  it('returns exact sentences, in article order, with their indexes', () => {
    const sentences = sentencesOf(ARTICLE);
    const { keyPoints } = summarize({ paragraphs: ARTICLE }, { count: 5 });
    const indexes = keyPoints.map((k) => k.sentenceIndex);
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
    for (const k of keyPoints) {
      expect(k.text).toBe(sentences[k.sentenceIndex].text);
      expect(ARTICLE[k.paragraphIndex]).toContain(k.text);
    }
  });

  it('keeps article order when a later sentence scores higher', () => {
    const paragraphs = [
      '"Kami akan membuka pasar ini untuk semua pedagang kecil," kata bupati saat peresmian.',
      ...OTHER,
    ];
    const { keyPoints } = summarize({ paragraphs });
    expect(keyPoints.map((k) => k.sentenceIndex)).toEqual([0, 1, 2]);
  });

  it('leads with the dateline sentence and prefers reported facts to quotes and links', () => {
    const { keyPoints } = summarize({ paragraphs: ARTICLE }, { count: 4 });
    expect(keyPoints[0].text.startsWith('SUKAMAJU, WARTADESA.ID - Banjir')).toBe(true);
    expect(keyPoints.map((k) => k.sentenceIndex)).toEqual([0, 1, 2, 6]);
    for (const k of keyPoints) expect(k.text).not.toMatch(/"|Baca juga|\(wd\)/);
  });

  it('never picks near-duplicates', () => {
    const lead = 'Banjir merendam ratusan rumah warga di Kecamatan Cibening sejak Selasa malam.';
    const copy =
      'Banjir merendam ratusan rumah warga di Kecamatan Cibening sejak Selasa malam ini.';
    const paragraphs = [`${lead} ${copy}`, ...ARTICLE.slice(1)];
    const texts = summarize({ paragraphs }, { count: 3 }).keyPoints.map((k) => k.text);
    expect(texts).toContain(lead);
    expect(texts).not.toContain(copy);
    expect(texts).toHaveLength(3);
  });

  it('keeps paragraph indexes of the input, empty paragraphs included', () => {
    const { keyPoints } = summarize({ paragraphs: ['', ...OTHER] });
    expect(keyPoints.map((k) => k.paragraphIndex)).toEqual([1, 2]);
  });

  it('handles one sentence, a short one and text without punctuation', () => {
    const one = 'Hanya ada satu kalimat dalam berita ini.';
    expect(summarize({ paragraphs: [one] }).keyPoints).toEqual([
      { text: one, sentenceIndex: 0, paragraphIndex: 0 },
    ]);
    expect(summarize({ paragraphs: ['Halo dunia.'] }).keyPoints.map((k) => k.text)).toEqual([
      'Halo dunia.',
    ]);
    const bare = 'Warga Cibening bergotong royong membersihkan lumpur sisa banjir';
    expect(summarize({ paragraphs: [bare] }).keyPoints.map((k) => k.text)).toEqual([bare]);
  });

  it('handles text made only of stopwords', () => {
    const paragraphs = [
      'Dan yang di atas itu adalah untuk kita semua.',
      'Namun itu juga bukan apa yang mereka mau.',
    ];
    const { keyPoints } = summarize({ paragraphs });
    expect(keyPoints.map((k) => k.text)).toEqual(paragraphs);
  });

  it('reports words, reading time and language', () => {
    const summary = summarize({ paragraphs: ARTICLE });
    const words = ARTICLE.join(' ')
      .split(/\s+/)
      .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    expect(summary.wordCount).toBe(words);
    expect(summary.readingMinutes).toBe(1);
    expect(summary.lang).toBe('id');
    const english = summarize({
      paragraphs: [
        'The mayor said that the new market would open in the spring. Traders are happy with it.',
      ],
    });
    expect(english.lang).toBe('en');
  });

  it('takes the declared language only when the text cannot tell', () => {
    const short = summarize({ paragraphs: ['Jakarta 2024: Persija 2, Persib 1.'], lang: 'en-US' });
    expect(short.lang).toBe('en');
    // Kompas and Okezone declare lang="en" on Indonesian pages.
    expect(summarize({ paragraphs: ARTICLE, lang: 'en' }).lang).toBe('id');
  });

  it('stays fast on a huge article', () => {
    // Deterministic pseudo-random sentences from a small invented vocabulary.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    const vocab = Array.from({ length: 300 }, (_, i) => `kata${i.toString(36)}`);
    const sentence = () => {
      const words = Array.from({ length: 12 }, () => vocab[next() % vocab.length]);
      return `${words.join(' ')}.`.replace(/^k/, 'K');
    };
    const paragraphs = Array.from({ length: 2000 }, () =>
      Array.from({ length: 5 }, sentence).join(' '),
    );
    const start = performance.now();
    const summary = summarize({ paragraphs });
    expect(performance.now() - start).toBeLessThan(1000);
    expect(summary.keyPoints).toHaveLength(5);
    expect(summary.wordCount).toBe(10_000 * 12);
    expect(summary.readingMinutes).toBe(600);
  });
});
