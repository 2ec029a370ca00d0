import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitParagraphSentences, splitSentences } from '@/lib/summary';

const NEXT = 'Kemudian acara ditutup.';

describe('splitSentences', () => {
  it('splits plain sentences ending in . ! ? and ellipses', () => {
    expect(
      splitSentences('Hujan turun. Banjir datang! Siapa peduli? Entahlah... Besok cerah.'),
    ).toEqual(['Hujan turun.', 'Banjir datang!', 'Siapa peduli?', 'Entahlah...', 'Besok cerah.']);
  });

  it('returns nothing for empty or blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('  \n\t ')).toEqual([]);
  });

  it('keeps text without punctuation as one sentence', () => {
    expect(splitSentences('  Baca juga: Jalan tol baru dibuka hari ini  ')).toEqual([
      'Baca juga: Jalan tol baru dibuka hari ini',
    ]);
  });

  const families: Record<string, string[]> = {
    places: ['Kab.', 'Kec.', 'Kel.', 'Jl.', 'Jln.', 'No.', 'Gg.', 'Kp.'],
    titles: [
      'H.',
      'Hj.',
      'KH.',
      'Dr.',
      'dr.',
      'Prof.',
      'Ir.',
      'Drs.',
      'Bpk.',
      'Sdr.',
      'St.',
      'Tn.',
      'Ny.',
    ],
    degrees: ['S.H.', 'M.H.', 'M.Si.', 'S.Pd.', 'S.E.'],
    ranks: ['Pol.', 'Kompol.', 'AKBP.', 'Brigjen.'],
    english: ['Mr.', 'Mrs.', 'U.S.'],
    dotted: ['a.n.', 'u.p.', 's.d.', 'tgl.'],
  };
  for (const [family, abbreviations] of Object.entries(families)) {
    it(`does not split after ${family} abbreviations`, () => {
      for (const abbr of abbreviations) {
        const first = `Rapat dihadiri ${abbr} Sutrisno dari Bandung.`;
        expect(splitSentences(`${first} ${NEXT}`), abbr).toEqual([first, NEXT]);
      }
    });
  }

  it('does not split after a chain of titles and degrees', () => {
    const first = 'Prof. Dr. Ir. H. Ahmad Sutrisno, S.H., M.H. membuka seminar.';
    expect(splitSentences(`${first} ${NEXT}`)).toEqual([first, NEXT]);
  });

  it('does not split after list abbreviations followed by lowercase words', () => {
    for (const abbr of ['dll.', 'dsb.', 'dkk.', 'etc.', 'e.g.', 'i.e.']) {
      const first = `Mereka membawa beras, gula, ${abbr} untuk warga yang terdampak.`;
      expect(splitSentences(`${first} ${NEXT}`), abbr).toEqual([first, NEXT]);
    }
  });

  it('ends a sentence at dll. when a new sentence starts', () => {
    expect(splitSentences('Ada beras, gula, dll. Semua dibagikan gratis.')).toEqual([
      'Ada beras, gula, dll.',
      'Semua dibagikan gratis.',
    ]);
  });

  it('does not split after initials', () => {
    const first = 'Penghargaan diberikan kepada A. Rahman dan M. Nuh di Surabaya.';
    expect(splitSentences(`${first} ${NEXT}`)).toEqual([first, NEXT]);
  });

  it('does not split inside numbers and times', () => {
    const first =
      'Nilainya 88,26 persen pada pukul 06.00 WIB, dengan 1.229 peserta, dana Rp 1,1 triliun dan versi 3.5.';
    expect(splitSentences(`${first} ${NEXT}`)).toEqual([first, NEXT]);
  });

  it('does not split after Rp. before an amount', () => {
    const first = 'Harga beras naik menjadi Rp. 15.000 per kilogram.';
    expect(splitSentences(`${first} ${NEXT}`)).toEqual([first, NEXT]);
  });

  it('splits after a number that ends a sentence', () => {
    expect(splitSentences('Jembatan itu dibangun pada 2019. Kini sudah rusak.')).toEqual([
      'Jembatan itu dibangun pada 2019.',
      'Kini sudah rusak.',
    ]);
  });

  it('keeps list numbers with their item', () => {
    expect(splitSentences('1. Siapkan berkas. 2. Datang ke kantor.')).toEqual([
      '1. Siapkan berkas.',
      '2. Datang ke kantor.',
    ]);
  });

  it('keeps a closing quote with its sentence', () => {
    expect(splitSentences('"Kami siap membantu." Bupati lalu pergi.')).toEqual([
      '"Kami siap membantu."',
      'Bupati lalu pergi.',
    ]);
    expect(splitSentences('“Kami siap membantu.” Bupati lalu pergi.')).toEqual([
      '“Kami siap membantu.”',
      'Bupati lalu pergi.',
    ]);
  });

  it('opens a new sentence with an opening quote', () => {
    expect(splitSentences('Bupati tiba pagi. "Kami siap," katanya.')).toEqual([
      'Bupati tiba pagi.',
      '"Kami siap," katanya.',
    ]);
  });

  it('does not split a quote followed by its speech verb', () => {
    const text = '"Kenapa harus sekarang?" tanya warga. "Sudah waktunya!" jawab dia.';
    expect(splitSentences(text)).toEqual([
      '"Kenapa harus sekarang?" tanya warga.',
      '"Sudah waktunya!" jawab dia.',
    ]);
  });

  it('tells closing from opening straight quotes in tokenized text', () => {
    const text = '" Kami datang . Kami pulang . " Dia lalu pergi . " Ya . " Oke .';
    expect(splitSentences(text)).toEqual([
      '" Kami datang .',
      'Kami pulang . "',
      'Dia lalu pergi .',
      '" Ya . "',
      'Oke .',
    ]);
  });

  it('keeps datelines in the first sentence', () => {
    for (const dateline of [
      'MOJOKERTO, DISWAY.ID - ',
      'Jakarta (ANTARA) - ',
      'JAKARTA, KOMPAS.com -- ',
    ]) {
      const first = `${dateline}Bupati meresmikan pasar baru di pusat kota.`;
      expect(splitSentences(`${first} ${NEXT}`), dateline).toEqual([first, NEXT]);
    }
  });

  it('splits off a closing bracketed credit', () => {
    expect(splitSentences('Pasar dibuka kembali. (ant)')).toEqual([
      'Pasar dibuka kembali.',
      '(ant)',
    ]);
    expect(splitSentences('Pasar dibuka (lagi). Warga senang.')).toEqual([
      'Pasar dibuka (lagi).',
      'Warga senang.',
    ]);
  });

  it('does not split before lowercase words, but does before iPhone-like names', () => {
    expect(splitSentences('Harganya naik 2 pct. per tahun.')).toEqual([
      'Harganya naik 2 pct. per tahun.',
    ]);
    expect(splitSentences('Ia membeli ponsel. iPhone itu baru.')).toEqual([
      'Ia membeli ponsel.',
      'iPhone itu baru.',
    ]);
  });

  it('treats a blank line as a boundary', () => {
    expect(splitSentences('Judul tanpa titik\n\nIsi berita dimulai di sini.')).toEqual([
      'Judul tanpa titik',
      'Isi berita dimulai di sini.',
    ]);
  });

  it('returns exact, ordered, trimmed slices that cover the text', () => {
    const alphabet = fc.constantFrom(...'ab A. "”?!\n1,'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 80 }), (chars) => {
        const text = chars.join('');
        const sentences = splitSentences(text);
        let at = 0;
        for (const s of sentences) {
          expect(s).toBe(s.trim());
          expect(s.length).toBeGreaterThan(0);
          const found = text.indexOf(s, at);
          expect(found).toBeGreaterThanOrEqual(0);
          expect(text.slice(at, found).trim()).toBe('');
          at = found + s.length;
        }
        expect(text.slice(at).trim()).toBe('');
      }),
    );
  });
});

describe('splitParagraphSentences', () => {
  it('numbers sentences across paragraphs and keeps paragraph indexes', () => {
    expect(splitParagraphSentences(['Satu. Dua.', '', 'Tiga.'])).toEqual([
      { text: 'Satu.', paragraphIndex: 0, sentenceIndex: 0 },
      { text: 'Dua.', paragraphIndex: 0, sentenceIndex: 1 },
      { text: 'Tiga.', paragraphIndex: 2, sentenceIndex: 2 },
    ]);
  });
});
