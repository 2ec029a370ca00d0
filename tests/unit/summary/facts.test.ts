import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_FACTS, extractFacts, type Fact, type FactKind } from '@/lib/summary';

// An invented regional news story; every name and number is made up.
const ARTICLE = [
  'SUKAMAJU, WARTADESA.ID – Pemerintah Kabupaten (Pemkab) Sukamaju menyiapkan anggaran Rp 1,1 triliun untuk memperbaiki 42 ruas jalan. Rencana itu dibahas dalam rapat paripurna DPRD Sukamaju, Jumat, 15 Desember 2023.',
  'Bupati Ikfina Fahmawati mengatakan, sebanyak 88,26 persen jalan di Kecamatan Cibening sudah dalam kondisi mantap. "Sisanya kami kejar tahun depan," kata Ikfina.',
  'Kepala Dinas Pekerjaan Umum dan Penataan Ruang (PUPR) Sukamaju, H. Ahmad Fauzi, menjelaskan bahwa pekerjaan dimulai pukul 06.00 WIB setiap hari. Menurut Ahmad, 1.229 warga Desa Sukarasa akan merasakan manfaatnya.',
  'Selain itu, Dinas PUPR bekerja sama dengan Universitas Sukamaju untuk menguji mutu aspal di Jl. Raya Cibening. Dinas PUPR juga memasang papan proyek di setiap ruas.',
  'Namun, Ketua Komisi III DPRD Sukamaju, Dr. Siti Rahma, meminta pengawasan diperketat. Ia mengingatkan bahwa proyek serupa di Kecamatan Cibening sempat molor tahun lalu.',
];

function all(paragraphs: string[]): Fact[] {
  return extractFacts(paragraphs, { max: 100, maxPerKind: 100 });
}

function textsOf(kind: FactKind, ...paragraphs: string[]): string[] {
  return all(paragraphs)
    .filter((f) => f.kind === kind)
    .map((f) => f.text);
}

describe('extractFacts: dates', () => {
  it('finds the date forms of Indonesian news', () => {
    expect(textsOf('date', 'Rapat digelar Kamis (14/12/2023) di pendopo.')).toEqual([
      'Kamis (14/12/2023)',
    ]);
    expect(textsOf('date', 'Acara berlangsung Jumat, 15 Desember 2023 malam.')).toEqual([
      'Jumat, 15 Desember 2023',
    ]);
    expect(textsOf('date', 'Laporan terbit 14/12/2023 lalu.')).toEqual(['14/12/2023']);
    expect(textsOf('date', 'Panen dimulai 3 Agt 2022 di sawah itu.')).toEqual(['3 Agt 2022']);
    expect(textsOf('date', 'Proyek ditargetkan selesai Desember 2024.')).toEqual(['Desember 2024']);
    expect(textsOf('date', 'Petugas datang Rabu (12/3) pagi.')).toEqual(['Rabu (12/3)']);
  });

  it('gives a clock time only when nothing better is there', () => {
    expect(textsOf('date', 'Pasar dibuka pukul 06.00 WIB setiap hari.')).toEqual([
      'pukul 06.00 WIB',
    ]);
    expect(textsOf('date', 'Pasar dibuka pukul 06.00 WIB sejak Senin (4/3).')).toEqual([
      'Senin (4/3)',
    ]);
  });

  it('counts one date written two ways once, in its fuller form', () => {
    expect(
      textsOf('date', 'Banjir datang 14/12/2023.', 'Air surut Kamis (14/12/2023) sore.'),
    ).toEqual(['Kamis (14/12/2023)']);
  });

  it('ignores weekdays alone, impossible dates and counts', () => {
    expect(
      textsOf('date', 'Minggu lalu warga mengeluh. Surat nomor 13/25/2023 tidak sah di 42 ruas.'),
    ).toEqual([]);
  });
});

describe('extractFacts: amounts', () => {
  it('finds money with and without a space after Rp, and foreign currency', () => {
    expect(
      textsOf('amount', 'Dana Rp 1,1 triliun, Rp1,1 miliar, Rp 250.000, dan USD 3 juta disiapkan.'),
    ).toEqual(['Rp 1,1 triliun', 'Rp1,1 miliar', 'Rp 250.000', 'USD 3 juta']);
  });

  it('finds percentages and counted things', () => {
    expect(
      textsOf('amount', 'Sebanyak 88,26 persen jalan mantap, naik 12% dari tahun lalu.'),
    ).toEqual(['88,26 persen', '12%']);
    expect(textsOf('amount', 'Sedikitnya 1.229 warga melintasi 42 ruas jalan itu.')).toEqual([
      '1.229 warga',
      '42 ruas',
    ]);
  });

  it('ignores years, clock times and bare numbers', () => {
    expect(
      textsOf('amount', 'Pada 2023, rapat pukul 09.00 di Komisi III membahas 2024 warga.'),
    ).toEqual([]);
  });
});

describe('extractFacts: organisations', () => {
  it('finds known prefixes and acronyms', () => {
    expect(
      textsOf(
        'organisation',
        'Polres Mojokerto bersama KPK dan BPBD Sukamaju memeriksa PT Sinar Jaya Abadi. Kementerian Keuangan dan Universitas Brawijaya ikut.',
      ),
    ).toEqual([
      'Polres Mojokerto',
      'KPK',
      'BPBD Sukamaju',
      'PT Sinar Jaya Abadi',
      'Kementerian Keuangan',
      'Universitas Brawijaya',
    ]);
  });

  it('joins a long name, its acronym and its short name into one fact', () => {
    expect(
      textsOf(
        'organisation',
        'Kepala Dinas Pekerjaan Umum dan Penataan Ruang (PUPR) Kab. Mojokerto hadir.',
        'Dinas PUPR lalu meninjau lokasi. Dinas PUPR berjanji segera bekerja.',
      ),
    ).toEqual(['Dinas PUPR']);
  });

  it('keeps two offices joined by "dan" apart, and skips lower-case words', () => {
    expect(
      textsOf('organisation', 'Badan jalan rusak. Dinas PUPR dan Dinas Perhubungan turun tangan.'),
    ).toEqual(['Dinas PUPR', 'Dinas Perhubungan']);
  });

  it('ignores datelines, time zones, budgets and headings in capitals', () => {
    expect(
      textsOf(
        'organisation',
        'MOJOKERTO, DISWAY.ID – Warga antre sejak pukul 08.00 WIB. Dana APBD dipakai. BACA JUGA BERITA LAINNYA di sini.',
      ),
    ).toEqual([]);
  });
});

describe('extractFacts: places', () => {
  it('finds administrative areas and streets', () => {
    expect(
      textsOf(
        'place',
        'Banjir melanda Kabupaten Sukamaju, Kab. Mojokerto, Kecamatan Puri, Kec. Sooko, Desa Sumbergirang, Jl. Raya Jabon, dan Provinsi Jawa Timur.',
      ),
    ).toEqual([
      'Kabupaten Sukamaju',
      'Kab. Mojokerto',
      'Kecamatan Puri',
      'Kec. Sooko',
      'Desa Sumbergirang',
      'Jl. Raya Jabon',
      'Provinsi Jawa Timur',
    ]);
  });

  it('takes a capitalised word after di, ke or dari, conservatively', () => {
    expect(
      textsOf('place', 'Warga dari Mojokerto datang ke Surabaya, di antaranya ke rumah sakit.'),
    ).toEqual(['Mojokerto', 'Surabaya']);
    // A name longer than two words cannot be delimited safely; lower case is no name.
    expect(
      textsOf('place', 'Ia tinggal di Griya Asri Permai dan bekerja di pusat kota Sukamaju.'),
    ).toEqual([]);
  });

  it('finds a place inside an organisation’s name', () => {
    expect(textsOf('place', 'DPRD Kab. Mojokerto menyurati Polres Kota Batu.')).toEqual([
      'Kab. Mojokerto',
      'Kota Batu',
    ]);
  });

  it('does not mistake counts or people for places', () => {
    expect(textsOf('place', 'Sebanyak 18 kecamatan terdampak.')).toEqual([]);
    expect(
      textsOf('place', 'Bantuan itu datang dari Ahmad Fauzi. "Semua merata," kata Ahmad Fauzi.'),
    ).toEqual([]);
  });
});

describe('extractFacts: people', () => {
  it('finds names after titles, honorifics and offices', () => {
    expect(
      textsOf('person', 'H. Ahmad Fauzi dan Dr. Siti Rahma hadir bersama Bupati Ikfina Fahmawati.'),
    ).toEqual(['H. Ahmad Fauzi', 'Dr. Siti Rahma', 'Ikfina Fahmawati']);
  });

  it('finds speakers around speech verbs', () => {
    expect(
      textsOf(
        'person',
        'Kepala Dinas Pendidikan Budi Santoso mengatakan sekolah aman. "Semua siap," kata Agus.',
      ),
    ).toEqual(['Budi Santoso', 'Agus']);
    expect(
      textsOf('person', 'Menurut Ahmad, jalan itu mulus. Namun Wulan menjelaskan ada kendala.'),
    ).toEqual(['Ahmad', 'Wulan']);
  });

  it('leaves out places after an office and sentence-opening words', () => {
    expect(
      textsOf('person', 'Bupati Mojokerto Ikfina Fahmawati meninjau Kab. Mojokerto kemarin.'),
    ).toEqual(['Ikfina Fahmawati']);
    expect(
      textsOf(
        'person',
        'Menurut BPBD, air surut. Namun, warga tetap waspada. Selain itu, Sementara itu jalan ditutup.',
        'Kepala Desa Sumbergirang mengatakan jalan sudah mulus. Ibu Kota Nusantara dibahas.',
      ),
    ).toEqual([]);
  });

  it('joins later mentions of a person into the full name', () => {
    expect(
      textsOf('person', 'H. Ahmad Fauzi meninjau jalan.', 'Ahmad menjelaskan, proyek itu selesai.'),
    ).toEqual(['H. Ahmad Fauzi']);
  });
});

describe('extractFacts: ranking and limits', () => {
  it('returns nothing for empty input or max 0', () => {
    expect(extractFacts([])).toEqual([]);
    expect(extractFacts(['', '  '])).toEqual([]);
    expect(extractFacts(ARTICLE, { max: 0 })).toEqual([]);
  });

  it('keeps to the default caps: 8 in all, at most 3 of a kind', () => {
    const facts = extractFacts(ARTICLE);
    expect(facts).toHaveLength(DEFAULT_MAX_FACTS);
    const perKind = new Map<FactKind, number>();
    for (const fact of facts) perKind.set(fact.kind, (perKind.get(fact.kind) ?? 0) + 1);
    expect(Math.max(...perKind.values())).toBeLessThanOrEqual(3);
    expect(extractFacts(ARTICLE, { max: 3 })).toHaveLength(3);
  });

  it('shows every kind the article has before a second fact of any kind', () => {
    const kinds = extractFacts(ARTICLE, { max: 5 }).map((f) => f.kind);
    expect(new Set(kinds)).toEqual(new Set(['person', 'place', 'organisation', 'date', 'amount']));
  });

  it('ranks a repeated organisation above one named once, and earlier above later', () => {
    // Dinas PUPR is named three times from the third paragraph on; the others once each.
    expect(textsOf('organisation', ...ARTICLE)).toEqual([
      'Dinas PUPR',
      'Pemerintah Kabupaten (Pemkab) Sukamaju',
      'DPRD Sukamaju',
      'Universitas Sukamaju',
      'Komisi III DPRD Sukamaju',
    ]);
  });

  it('finds the story’s key facts', () => {
    expect(extractFacts(ARTICLE)).toEqual(
      expect.arrayContaining([
        { kind: 'organisation', text: 'Dinas PUPR' },
        { kind: 'place', text: 'Kecamatan Cibening' },
        { kind: 'person', text: 'Ikfina Fahmawati' },
        { kind: 'date', text: 'Jumat, 15 Desember 2023' },
        { kind: 'amount', text: 'Rp 1,1 triliun' },
      ]),
    );
  });

  it('returns each fact once, as text found verbatim in a paragraph', () => {
    const facts = all(ARTICLE);
    expect(facts.length).toBeGreaterThan(10);
    expect(new Set(facts.map((f) => `${f.kind}|${f.text}`)).size).toBe(facts.length);
    for (const fact of facts)
      expect(
        ARTICLE.some((p) => p.includes(fact.text)),
        fact.text,
      ).toBe(true);
  });

  it('is deterministic', () => {
    expect(extractFacts([...ARTICLE])).toEqual(extractFacts(ARTICLE));
  });
});
