/**
 * Key facts of a news article (dates, amounts, organisations, places, people), found by patterns
 * tuned to Indonesian news writing. Pure: no DOM.
 */
import { isStopword } from './tokens';

export type FactKind = 'person' | 'place' | 'organisation' | 'date' | 'amount';

export interface Fact {
  kind: FactKind;
  /** Exact substring as it appears in the article text. */
  text: string;
}

export interface FactOptions {
  /** Facts in total. */
  max?: number;
  /** Facts of one kind. */
  maxPerKind?: number;
}

export const DEFAULT_MAX_FACTS = 8;
export const DEFAULT_MAX_PER_KIND = 3;
/** Longer surface forms make poor chips: a shorter form of the same fact is shown instead. */
const MAX_CHIP_CHARS = 40;

// ---------------------------------------------------------------------------------------------
// Word lists ("|" separates entries that may hold spaces)

const list = (...lines: string[]) => lines.join('|').split('|');

const DAYS = list(
  "Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Jum’at|Sabtu|Minggu|Ahad",
  'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday',
);

/** Month names and short forms, Indonesian and English, lowercased. */
const MONTH_NUMBERS: Record<string, number> = Object.fromEntries(
  [
    'januari january jan',
    'februari pebruari february feb',
    'maret march mar',
    'april apr',
    'mei may',
    'juni june jun',
    'juli july jul',
    'agustus august agu agt ags aug',
    'september sept sep',
    'oktober october okt oct',
    'november nopember nov',
    'desember december des dec',
  ].flatMap((names, index) => names.split(' ').map((name) => [name, index + 1])),
);

const ORG_PREFIXES = list(
  'Dinas|Badan|Kementerian|Kementrian|Direktorat|Pemerintah|Pemkab|Pemkot|Pemprov|Pemdes',
  'Polres|Polresta|Polrestabes|Polda|Polsek|Kodim|Koramil|Korem|Kodam',
  'Kejaksaan|Kejari|Kejati|Pengadilan|Rumah Sakit|RSUD|Puskesmas',
  'Universitas|Institut|Politeknik|Sekolah Tinggi|Akademi|Partai|PT|CV|Bank|Perum|Perumda|PDAM',
  'Yayasan|Balai|Lembaga|Komisi|Kantor|Satpol PP|Majelis|Mahkamah|Dewan|DPRD|DPR|Koperasi',
  'Persatuan|Ikatan|Himpunan|Asosiasi|Paguyuban|Komunitas|Pondok Pesantren|Ponpes|Madrasah',
);

const PLACE_PREFIXES = list(
  'Kabupaten|Kab.|Kota|Kecamatan|Kec.|Kelurahan|Kel.|Desa|Ds.|Dusun|Dsn.|Jalan|Jl.|Jln.',
  'Provinsi|Prov.|Pulau|Gunung|Sungai|Pantai|Danau|Waduk|Bendungan|Pasar|Kampung|Perumahan',
  'Alun-alun|Alun-Alun|Taman|Pelabuhan|Bandara|Stasiun|Terminal|Masjid|Gereja|Lapangan|Gedung',
  'Pendopo|Jembatan',
);

/** Abbreviations spelled out in keys, so "Kab. Mojokerto" and "Kabupaten Mojokerto" meet. */
const KEY_ABBREVIATIONS: Record<string, string> = {
  'kab.': 'kabupaten',
  'kec.': 'kecamatan',
  'kel.': 'kelurahan',
  'ds.': 'desa',
  'dsn.': 'dusun',
  'jl.': 'jalan',
  'jln.': 'jalan',
  'prov.': 'provinsi',
};

/** Titles and ranks written before a name: part of the fact, not of its key. */
const HONORIFICS = list(
  'H.|Hj.|KH.|K.H.|Dr.|dr.|Drs.|Dra.|Ir.|Prof.|Ust.|Ustaz|Ustadz|Habib|Gus|Kiai|Kyai',
  'Pak|Bu|Bapak|Ibu|Mbak|Sdr.|Sdri.|Tn.|Ny.',
  'AKBP|AKP|Kompol|Kombes|Pol.|Iptu|Ipda|Aiptu|Aipda|Bripka|Brigadir|Briptu|Bripda|Irjen|Brigjen',
  'Letkol|Kolonel|Mayor|Kapten|Serka|Serma|Sertu',
);

/** Offices held by one person, written right before the name: "Bupati Ikfina Fahmawati". */
const PERSON_ROLES = list(
  'Bupati|Wakil Bupati|Wabup|Wali Kota|Walikota|Wakil Wali Kota|Wawali',
  'Gubernur|Wakil Gubernur|Wagub|Camat|Lurah|Kades|Presiden|Wakil Presiden|Wapres',
  'Kapolres|Kapolresta|Kapolrestabes|Kapolsek|Kapolda|Kapolri|Dandim|Danrem|Danramil|Pangdam',
  'Kajari|Kajati|Sekda|Rektor',
);

/** Heads of an office named before the person: "Kepala Dinas PUPR, Budi Santoso". */
const ROLE_HEADS = [
  ...PERSON_ROLES,
  ...list(
    'Kepala|Ketua|Wakil Ketua|Sekretaris|Direktur|Kabid|Kabag|Kasi|Kasubag|Kasat|Kanit',
    'Koordinator|Juru Bicara|Jubir|Plt.|Plh.|Pelaksana Tugas|Menteri|Komandan|Dekan|Pengasuh',
    'Pimpinan|Manajer',
  ),
];

/** Speech verbs written after the speaker: "Budi Santoso mengatakan". */
const SPEECH_VERBS = list(
  'mengatakan|menjelaskan|menuturkan|mengungkapkan|menyampaikan|menambahkan|menegaskan',
  'menyebutkan|memaparkan|menerangkan|mengaku|berkata',
);

/** Speech verbs written before the speaker: "kata Agus". */
const SAID_BY = list('kata|ujar|tutur|tegas|jelas|ungkap|imbuh|papar|terang|sebut|tambah|lanjut');

/** Things counted in news: "1.229 warga", "42 ruas", "3,4 kilometer". */
const COUNT_NOUNS = list(
  'orang|warga|jiwa|penduduk|pengungsi|korban|pasien|siswa|mahasiswa|peserta|personel|petugas',
  'pekerja|karyawan|guru|pedagang|petani|nelayan|keluarga|KK|rumah|unit|kendaraan|ruas|titik',
  'lokasi|desa|kelurahan|kecamatan|kabupaten|sekolah|kios|bangunan|hektare|hektar|ha|ton',
  'kilogram|kg|kilometer|km|meter|liter|paket|kasus|ekor|bidang|tersangka|people|residents|houses',
);

/** Upper-case words that are not organisations. */
const NOT_ORG_ACRONYMS = new Set(
  [
    'APBD APBN APBDES BBM UMKM PAD WIB WITA WIT COVID HP TV KTP KK NIK SIM STNK BPKB SD SMP SMA SMK',
    'PNS ASN PPPK LPG ATM CCTV GPS PDF URL HUT NKRI OTT PHK PPKM PSBB DBD ISPA HIV AIDS THR UMK UMR',
    'PPN PPH PBB BACA JUGA FOTO VIDEO ID OK KM KG CM MM RT RW SH MT MSI MH SE ST SPD SKM USD IDR RP',
    'MOU WA UU PP SK NO AC AKBP AKP RI OPD SKPD BREAKING NEWS',
  ]
    .join(' ')
    .split(' '),
);

/** Capitalised words that never belong to a person's name (lowercased; stopwords as well). */
const NOT_NAME_WORDS = new Set(
  [
    ...DAYS,
    ...Object.keys(MONTH_NUMBERS),
    ...ORG_PREFIXES.flatMap((p) => p.split(' ')),
    ...PLACE_PREFIXES,
    ...ROLE_HEADS.flatMap((p) => p.split(' ')),
    ...HONORIFICS,
    ...[
      'pihaknya pihak beliau dirinya keduanya warga masyarakat pemerintah negara dulu kini',
      'sekarang alhamdulillah insyaallah baca foto video no raya pusat indonesia jawa timur barat',
      'utara selatan tengah sumatera kalimantan sulawesi papua bali jakarta tuhan allah islam',
      'covid corona whatsapp instagram facebook twitter tiktok youtube google sebelumnya sejumlah',
      'selama salah adapun meski menurutnya',
    ].flatMap((line) => line.split(' ')),
  ].map((w) => w.toLowerCase()),
);

/** Place names made only of these words are not names: "Jalan Raya". */
const GENERIC_PLACE_WORDS = new Set('raya utama baru besar lama kecil tersebut'.split(' '));

// ---------------------------------------------------------------------------------------------
// Pattern pieces

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An alternation, longest first so "Wakil Bupati" wins over "Bupati". */
function alternation(words: string[]): string {
  const sorted = [...new Set(words)].sort((a, b) => b.length - a.length);
  return `(?:${sorted.map((w) => escapeRegExp(w).replace(/ /g, '\\s+')).join('|')})`;
}

/** A capitalised word: Mojokerto, Mas’ud, Gondang–Pacet, Al-Azhar. */
const CAP_WORD = String.raw`\p{Lu}[\p{Ll}\p{M}]+(?:[’'\-–]\p{Lu}?[\p{Ll}\p{M}]+)*`;
const ACRONYM = String.raw`\p{Lu}{2,6}(?![\p{L}\p{N}])`;
const NOT_AFTER_LETTER = String.raw`(?<![\p{L}\p{N}])`;
const WORD_END = String.raw`(?![\p{L}\p{N}])`;
const NAME_RUN = String.raw`${CAP_WORD}(?:\s+${CAP_WORD}){0,3}`;
const HONORIFIC = alternation(HONORIFICS);
const HONORIFIC_CHAIN = String.raw`(?:${HONORIFIC}\s+){1,4}`;

const DAY = alternation(DAYS);
const FULL_MONTHS = Object.keys(MONTH_NUMBERS).filter(
  (m) => m.length > 4 || /^(mei|may|juni|june|juli|july)$/.test(m),
);
const SHORT_MONTHS = Object.keys(MONTH_NUMBERS).filter((m) => !FULL_MONTHS.includes(m));
const capitalise = (w: string) => w[0].toUpperCase() + w.slice(1);
const MONTH = String.raw`(?:${alternation(FULL_MONTHS.map(capitalise))}|${alternation(SHORT_MONTHS.map(capitalise))}\.?)(?!\p{L})`;

const regex = (source: string, flags = 'gu') => new RegExp(source, flags);

const DAY_AND_NUMBERS = regex(String.raw`${DAY}\s*\((\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?\)`);
const DAY_MONTH_YEAR = regex(
  String.raw`(?:${DAY},?\s+)?(?<![\p{N}.,/])(\d{1,2})\s+(${MONTH})(?:\s+(\d{4}))?(?!\p{N})`,
);
const MONTH_DAY_YEAR = regex(String.raw`(${MONTH})\s+(\d{1,2}),\s+(\d{4})(?!\p{N})`);
const NUMERIC_DATE = regex(
  String.raw`(?<![\p{N}/.\-])(\d{1,2})([/-])(\d{1,2})\2(\d{4}|\d{2})(?![\p{N}/\-])`,
);
const MONTH_YEAR = regex(String.raw`(?<!\p{N}\s)(${MONTH})\s+(\d{4})(?!\p{N})`);
const CLOCK_TIME = regex(
  String.raw`(?:\b[Pp]ukul\s+\d{1,2}[.:]\d{2}(?:\s*(?:WIB|WITA|WIT)\b)?|\b\d{1,2}[.:]\d{2}\s*(?:WIB|WITA|WIT)\b)`,
);

const SCALE = String.raw`(?:ribu|juta|miliar|milyar|triliun|rb|jt|M|T|thousand|million|billion|trillion)`;
const MONEY = regex(
  String.raw`${NOT_AFTER_LETTER}(?:Rp\.?|IDR|USD|US\$|\$|€|£|SGD|RM)\s?\d{1,15}(?:[.,]\d{1,15}){0,6}(?:\s?${SCALE}${WORD_END})?`,
);
const PERCENT = regex(
  String.raw`(?<![\p{L}\p{N}.,])\d{1,6}(?:[.,]\d{1,4})?\s?(?:%|(?:persen|percent|per\s+cent)${WORD_END})`,
);
const COUNT = regex(
  String.raw`(?<![\p{L}\p{N}.,/])(\d{1,3}(?:\.\d{3}){1,5}|\d{1,9}(?:,\d{1,4})?)\s+${alternation(COUNT_NOUNS)}${WORD_END}`,
);

// Abbreviations first: "Kab" alone would match as a capitalised word and leave the period behind.
const ORG_PART = String.raw`(?:(?:dan|&)\s+)?(?:Kab\.|Kec\.|Prov\.|${CAP_WORD}|${ACRONYM}|\(\p{Lu}\p{L}{1,11}\)|[IVX]{1,4}${WORD_END})`;
const ORG_BY_PREFIX = regex(
  String.raw`${NOT_AFTER_LETTER}${alternation(ORG_PREFIXES)}${WORD_END}(?:\s+${ORG_PART}){1,8}`,
);
const SCHOOL = regex(
  String.raw`${NOT_AFTER_LETTER}(?:SMAN|SMPN|SDN|SMKN|MTsN|(?:SMA|SMP|SD|SMK)\s+Negeri)\s+\d{1,3}(?:\s+${CAP_WORD}){0,2}`,
);
const REGION = String.raw`(?:(?:Kab\.|Kabupaten|Kota|Prov\.|Provinsi)\s+)?${CAP_WORD}`;
const ORG_ACRONYM = regex(
  String.raw`(?<![\p{L}\p{N}.\-/@])\p{Lu}{2,6}(?![\p{L}\p{N}]|[.\-]\p{L})(?:\s+${REGION}(?:\s+${CAP_WORD})?)?`,
);

const PLACE_BY_PREFIX = regex(
  String.raw`${NOT_AFTER_LETTER}${alternation(PLACE_PREFIXES)}(?!\p{L})\s+${CAP_WORD}(?:\s+${CAP_WORD}){0,3}`,
);
const PLACE_AFTER_PREPOSITION = regex(
  String.raw`${NOT_AFTER_LETTER}(?:di|ke|dari)\s+(${CAP_WORD}(?:\s+${CAP_WORD})?)(?![\p{L}\p{N}’'\-])`,
);

const PERSON_WITH_HONORIFIC = regex(String.raw`(?<![\p{L}.])${HONORIFIC_CHAIN}${NAME_RUN}`);
const PERSON_WITH_ROLE = regex(
  String.raw`${NOT_AFTER_LETTER}${alternation(PERSON_ROLES)}\s+(${NAME_RUN})`,
);
/** "Kepala Dinas PUPR Kab. Mojokerto, Budi Santoso, mengatakan": the name after the comma. */
const PERSON_AFTER_ROLE_COMMA = regex(
  String.raw`${NOT_AFTER_LETTER}${alternation(ROLE_HEADS)}${WORD_END}(?:[^,.;:"“”\n]|(?<=\b(?:Kab|Kec|Kel|Prov|Jl|Ds|Dsn))\.){1,80}?,\s+((?:${HONORIFIC}\s+){0,4}${NAME_RUN})(?=\s*,|\s+${alternation(SPEECH_VERBS)}${WORD_END})`,
);
const PERSON_BEFORE_VERB = regex(
  String.raw`${NOT_AFTER_LETTER}(${NAME_RUN})\s+${alternation(SPEECH_VERBS)}${WORD_END}`,
);
const PERSON_AFTER_VERB = regex(
  String.raw`${NOT_AFTER_LETTER}${alternation(SAID_BY)}\s+((?:${HONORIFIC}\s+){0,4}${NAME_RUN})(?![\p{L}\p{N}])`,
);
const PERSON_AFTER_MENURUT = regex(
  String.raw`${NOT_AFTER_LETTER}[Mm]enurut\s+((?:${HONORIFIC}\s+){0,4}${NAME_RUN})(?=\s*,)`,
);

/** "MOJOKERTO, DISWAY.ID –" or "Jakarta (ANTARA) -" opening a story. */
const DATELINE = regex(
  String.raw`^\s*(\p{Lu}[\p{Lu}\s]{2,30}?|\p{Lu}\p{Ll}+)(?:\s*\([^)]{1,30}\))?(?:,\s*[\p{L}\p{N}.]{2,30})?\s*[–—-]{1,2}\s+`,
  'u',
);
const BOILERPLATE = /^\s*(?:baca juga|simak juga|lihat juga)\b/i;

// ---------------------------------------------------------------------------------------------
// Candidates

interface Candidate {
  kind: FactKind;
  start: number;
  end: number;
  key: string;
  /** How strongly the pattern signals a fact. */
  weight: number;
  /** A bare clock time: kept only when the article has no date. */
  clock?: boolean;
  /** Other keys for the same organisation: "PUPR", "Dinas PUPR". */
  aliases?: string[];
}

const KIND_PRIORITY: Record<FactKind, number> = {
  date: 5,
  amount: 4,
  person: 3,
  organisation: 2,
  place: 1,
};

/** Lowercased, abbreviations expanded, punctuation that varies between mentions dropped. */
function nameKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[()“”"‘’',]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => KEY_ABBREVIATIONS[w] ?? w)
    .join(' ');
}

const HONORIFIC_KEYS = new Set(HONORIFICS.map((h) => h.toLowerCase()));

function personKey(text: string): string {
  return nameKey(text)
    .split(' ')
    .filter((w) => !HONORIFIC_KEYS.has(w))
    .join(' ');
}

function isNameWord(word: string): boolean {
  const lower = word.toLowerCase();
  return !NOT_NAME_WORDS.has(lower) && !isStopword(lower);
}

interface Word {
  text: string;
  start: number;
  end: number;
}

function wordsOf(text: string, offset: number): Word[] {
  return Array.from(text.matchAll(/\S+/g), (m) => ({
    text: m[0],
    start: offset + m.index,
    end: offset + m.index + m[0].length,
  }));
}

function dateKey(day: string, month: number | undefined, year?: string): string | null {
  const d = Number(day);
  if (!month || month < 1 || month > 12 || d < 1 || d > 31) return null;
  const y = year?.length === 2 ? `20${year}` : year;
  return `d${d} m${month}${y ? ` y${y}` : ''}`;
}

function monthNumber(name: string): number | undefined {
  return MONTH_NUMBERS[name.toLowerCase().replace(/\.$/, '')];
}

function findDates(text: string, out: Candidate[]): void {
  const add = (m: RegExpMatchArray, key: string | null, weight = 1) => {
    if (key) out.push({ kind: 'date', start: m.index!, end: m.index! + m[0].length, key, weight });
  };
  for (const m of text.matchAll(DAY_AND_NUMBERS)) add(m, dateKey(m[1], Number(m[2]), m[3]));
  for (const m of text.matchAll(DAY_MONTH_YEAR)) add(m, dateKey(m[1], monthNumber(m[2]), m[3]));
  for (const m of text.matchAll(MONTH_DAY_YEAR)) add(m, dateKey(m[2], monthNumber(m[1]), m[3]));
  for (const m of text.matchAll(NUMERIC_DATE)) add(m, dateKey(m[1], Number(m[3]), m[4]));
  for (const m of text.matchAll(MONTH_YEAR)) add(m, `m${monthNumber(m[1])} y${m[2]}`, 0.8);
  for (const m of text.matchAll(CLOCK_TIME)) {
    const time = m[0].match(/(\d{1,2})[.:](\d{2})/)!;
    out.push({
      kind: 'date',
      start: m.index,
      end: m.index + m[0].length,
      key: `t${Number(time[1])}.${time[2]}`,
      weight: 0.5,
      clock: true,
    });
  }
}

function amountKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/^rp\./, 'rp')
    .replace(/milyar$/, 'miliar');
}

function findAmounts(text: string, out: Candidate[]): void {
  const add = (m: RegExpMatchArray, weight: number) =>
    out.push({
      kind: 'amount',
      start: m.index!,
      end: m.index! + m[0].length,
      key: amountKey(m[0]),
      weight,
    });
  for (const m of text.matchAll(MONEY)) add(m, 2);
  for (const m of text.matchAll(PERCENT)) add(m, 1.5);
  for (const m of text.matchAll(COUNT)) {
    if (/^(?:19|20)\d\d$/.test(m[1])) continue; // a year, not a count
    add(m, 1);
  }
}

const ORG_PREFIX_WORDS = new Set(ORG_PREFIXES.map((p) => p.split(' ')[0]));
const PLACE_PREFIX_WORDS = new Set(PLACE_PREFIXES);
/** Words that end an organisation's or a place's name. */
const NAME_BREAKERS = new Set([
  ...DAYS,
  ...Object.keys(MONTH_NUMBERS).map(capitalise),
  ...HONORIFICS,
  ...PERSON_ROLES.filter((r) => !r.includes(' ')),
  'Wakil',
  'Wali',
  'Kepala',
  'Ketua',
  'No',
  'Baca',
]);

/**
 * Cuts a matched name at words that cannot continue it: days, months, titles, and "dan" before a
 * second organisation. Returns the kept words.
 */
function cutName(words: Word[], isPlace: boolean): Word[] {
  for (let i = 1; i < words.length; i++) {
    const word = words[i].text;
    const bare = word.replace(/^\(|\)$/g, '');
    if (NAME_BREAKERS.has(bare) || NAME_BREAKERS.has(word))
      return trimConnectors(words.slice(0, i));
    if ((word === 'dan' || word === '&') && ORG_PREFIX_WORDS.has(words[i + 1]?.text ?? '')) {
      return words.slice(0, i);
    }
    if (isPlace && PLACE_PREFIX_WORDS.has(word)) return words.slice(0, i);
  }
  return words;
}

function trimConnectors(words: Word[]): Word[] {
  let end = words.length;
  while (end > 0 && (words[end - 1].text === 'dan' || words[end - 1].text === '&')) end--;
  return words.slice(0, end);
}

/** Other ways an article names an organisation defined as "Long Name (ACR) Rest". */
function organisationAliases(text: string): string[] | undefined {
  const m = text.match(/^(\S+)(.*?)\((\p{Lu}[\p{L}]{1,11})\)(.*)$/u);
  if (!m) return undefined;
  const [, first, , short, rest] = m;
  const aliases = [short, `${first} ${short}`];
  if (rest.trim()) aliases.push(`${short} ${rest.trim()}`);
  return aliases.map(nameKey);
}

function findOrganisations(text: string, skipUntil: number, out: Candidate[]): void {
  const addWords = (words: Word[]) => {
    if (words.length === 0 || words[0].start < skipUntil) return;
    const start = words[0].start;
    const end = words[words.length - 1].end;
    const surface = text.slice(start, end);
    out.push({
      kind: 'organisation',
      start,
      end,
      key: nameKey(surface),
      weight: 1,
      aliases: organisationAliases(surface),
    });
  };

  for (const re of [ORG_BY_PREFIX, SCHOOL]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const words = cutName(wordsOf(m[0], m.index), false);
      if (words.length >= 2) addWords(words);
      // Resume after the kept words, so a second name cut off here is still found.
      re.lastIndex = Math.max(m.index + 1, words[words.length - 1].end);
    }
  }

  ORG_ACRONYM.lastIndex = 0;
  for (let m = ORG_ACRONYM.exec(text); m; m = ORG_ACRONYM.exec(text)) {
    const words = wordsOf(m[0], m.index);
    const acronym = words[0].text;
    ORG_ACRONYM.lastIndex = words[0].end;
    if (NOT_ORG_ACRONYMS.has(acronym) || /^[IVX]+$/.test(acronym)) continue;
    if (inUpperCaseRun(text, words[0].start, words[0].end)) continue;
    addWords(cutName(words, false));
  }
}

/** True inside headings or shouting: three or more upper-case words in a row. */
function inUpperCaseRun(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start).match(/(?:\p{Lu}{2,}\s+)*$/u)![0];
  const after = text.slice(end, end + 40).match(/^(?:\s+\p{Lu}{2,}(?![\p{L}]))*/u)![0];
  const count =
    1 + (before.match(/\p{Lu}{2,}/gu)?.length ?? 0) + (after.match(/\p{Lu}{2,}/gu)?.length ?? 0);
  return count >= 3;
}

function findPlaces(text: string, out: Candidate[]): void {
  PLACE_BY_PREFIX.lastIndex = 0;
  for (let m = PLACE_BY_PREFIX.exec(text); m; m = PLACE_BY_PREFIX.exec(text)) {
    const words = cutName(wordsOf(m[0], m.index), true);
    PLACE_BY_PREFIX.lastIndex = Math.max(m.index + 1, words[words.length - 1].end);
    const names = words.slice(1).map((w) => w.text.toLowerCase());
    if (names.length === 0 || names.every((w) => GENERIC_PLACE_WORDS.has(w))) continue;
    const start = words[0].start;
    const end = words[words.length - 1].end;
    out.push({ kind: 'place', start, end, key: nameKey(text.slice(start, end)), weight: 1 });
  }

  for (const m of text.matchAll(PLACE_AFTER_PREPOSITION)) {
    const name = m[1];
    if (!name.split(/\s+/).every(isNameWord)) continue;
    const end = m.index + m[0].length;
    // Conservative: a capitalised word right after means a longer name we cannot delimit.
    if (/^\s+\p{Lu}/u.test(text.slice(end))) continue;
    out.push({ kind: 'place', start: end - name.length, end, key: nameKey(name), weight: 0.5 });
  }
}

function findPeople(text: string, knownPlaces: Set<string>, out: Candidate[]): void {
  const add = (words: Word[], weight: number) => {
    if (words.length === 0) return;
    const start = words[0].start;
    const end = words[words.length - 1].end;
    const key = personKey(text.slice(start, end));
    if (key) out.push({ kind: 'person', start, end, key, weight });
  };
  /** Honorifics, then name words up to the first word that is not a name. */
  const nameWords = (words: Word[]): Word[] => {
    let i = 0;
    while (i < words.length && HONORIFIC_KEYS.has(words[i].text.toLowerCase())) i++;
    let end = i;
    while (end < words.length && isNameWord(words[end].text)) end++;
    return end > i ? words.slice(0, end) : [];
  };
  const groupWords = (m: RegExpMatchArray, group: string) =>
    wordsOf(group, m.index! + m[0].length - group.length);

  for (const m of text.matchAll(PERSON_WITH_HONORIFIC)) add(nameWords(wordsOf(m[0], m.index)), 1);

  for (const m of text.matchAll(PERSON_WITH_ROLE)) {
    // "Bupati Mojokerto Ikfina Fahmawati": the place is not part of the name.
    const words = groupWords(m, m[1]);
    while (words.length > 0 && knownPlaces.has(words[0].text.toLowerCase())) words.shift();
    const name = nameWords(words);
    if (name.length >= 2) add(name, 1);
  }

  for (const m of text.matchAll(PERSON_AFTER_ROLE_COMMA)) add(nameWords(groupWords(m, m[1])), 1);
  for (const m of text.matchAll(PERSON_AFTER_VERB)) add(nameWords(groupWords(m, m[1])), 1);
  for (const m of text.matchAll(PERSON_AFTER_MENURUT)) add(nameWords(groupWords(m, m[1])), 1);

  for (const m of text.matchAll(PERSON_BEFORE_VERB)) {
    const words = wordsOf(m[1], m.index);
    let last = -1;
    words.forEach((w, i) => {
      if (!isNameWord(w.text)) last = i;
    });
    let name = words.slice(last + 1);
    const opener = last >= 0 ? words[last].text : '';
    const afterOfficeName = ORG_PREFIX_WORDS.has(opener) || PLACE_PREFIX_WORDS.has(opener);
    const afterCapital = last < 0 && /\p{Lu}[\p{L}.]*\s+$/u.test(text.slice(0, m.index));
    if (afterOfficeName || afterCapital) {
      // "Dinas Pendidikan Budi Santoso mengatakan": only the last two words can be the name,
      // and "Desa Sumbergirang mengatakan" has none.
      const minimum = afterOfficeName ? 3 : 2;
      name = name.length >= minimum ? name.slice(-2) : [];
    }
    if (name.some((w) => knownPlaces.has(w.text.toLowerCase()))) continue;
    add(name, 1);
  }
}

function datelineOf(paragraph: string): { end: number; place: string } | null {
  const m = paragraph.match(DATELINE);
  if (!m) return null;
  const upper = m[1] === m[1].toUpperCase();
  // A Title-case word before a dash is a dateline only with its agency or site.
  if (!upper && !/[(,]/.test(m[0])) return null;
  return { end: m[0].length, place: m[1].trim().toLowerCase() };
}

/**
 * Keeps the candidates that do not clash, by kind priority then length. A place inside an
 * organisation's name ("DPRD Kab. Mojokerto") is kept as well; a lower-priority name running into
 * a higher one is shortened ("Dinas PUPR Budi Santoso" → "Dinas PUPR" next to a person).
 */
function resolveOverlaps(text: string, candidates: Candidate[]): Candidate[] {
  const ordered = [...candidates].sort(
    (a, b) =>
      KIND_PRIORITY[b.kind] - KIND_PRIORITY[a.kind] ||
      b.end - b.start - (a.end - a.start) ||
      a.start - b.start,
  );
  const kept: Candidate[] = [];
  for (const candidate of ordered) {
    const fitted = fitAmong(text, candidate, kept);
    if (fitted) kept.push(fitted);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** The candidate, shortened to clear the kept ones if need be, or null when it cannot. */
function fitAmong(text: string, candidate: Candidate, kept: Candidate[]): Candidate | null {
  let c = candidate;
  for (const k of kept) {
    if (c.end <= k.start || k.end <= c.start) continue;
    const nested = k.start <= c.start && c.end <= k.end;
    if (nested && c.kind === 'place' && k.kind === 'organisation') continue;
    const shorter = nested || c.start >= k.start ? null : shorten(text, c, k.start);
    if (!shorter) return null;
    c = shorter;
  }
  return c;
}

function shorten(text: string, c: Candidate, end: number): Candidate | null {
  if (c.kind === 'date' || c.kind === 'amount') return null;
  const words = trimConnectors(wordsOf(text.slice(c.start, end).replace(/[\s,;:]+$/, ''), c.start));
  const minWords = c.kind === 'person' ? 1 : 2;
  if (words.length < minWords) return null;
  const newEnd = words[words.length - 1].end;
  const surface = text.slice(c.start, newEnd);
  const key = c.kind === 'person' ? personKey(surface) : nameKey(surface);
  return {
    ...c,
    end: newEnd,
    key,
    aliases: c.kind === 'organisation' ? organisationAliases(surface) : undefined,
  };
}

// ---------------------------------------------------------------------------------------------
// Grouping and ranking

interface Group {
  kind: FactKind;
  key: string;
  /** Own key, aliases and keys of merged groups. */
  keys: Set<string>;
  weight: number;
  /** Position of the first mention, 0 (start of article) to 1 (end). */
  first: number;
  clock: boolean;
  /** Surface forms by whitespace-normalised text. */
  forms: Map<string, { text: string; count: number; first: number }>;
}

function merge(into: Group, from: Group): void {
  into.weight += from.weight;
  into.first = Math.min(into.first, from.first);
  into.clock &&= from.clock;
  for (const key of from.keys) into.keys.add(key);
  for (const [norm, form] of from.forms) {
    const have = into.forms.get(norm);
    if (have) {
      have.count += form.count;
      have.first = Math.min(have.first, form.first);
    } else into.forms.set(norm, { ...form });
  }
}

function containsWords(long: string, short: string): boolean {
  return long !== short && ` ${long} `.includes(` ${short} `);
}

/**
 * True when `short` is a shorter mention of `long`. An organisation's mention must open its name
 * ("DPRD" in "DPRD Kab. Mojokerto", not in "Komisi III DPRD"); amounts must match exactly.
 */
function isMentionOf(kind: FactKind, long: string, short: string): boolean {
  if (long === short) return true;
  if (kind === 'amount') return false;
  if (kind === 'organisation') return long.startsWith(`${short} `);
  return containsWords(long, short);
}

/** Merges short mentions into the longer names that hold them: "Ahmad" into "H. Ahmad Fauzi". */
function mergeMentions(groups: Group[], kind: FactKind): Group[] {
  const merged: Group[] = [];
  const byLength = [...groups].sort((a, b) => b.key.length - a.key.length || a.first - b.first);
  for (const group of byLength) {
    const holders = merged.filter(
      (m) =>
        [...m.keys].some((k) => isMentionOf(kind, k, group.key)) ||
        [...group.keys].some((k) => m.keys.has(k)),
    );
    if (holders.length === 0) {
      merged.push(group);
      continue;
    }
    const best = holders.reduce((a, b) => (b.weight > a.weight ? b : a));
    merge(best, group);
  }
  return merged;
}

function displayText(group: Group): string {
  const forms = [...group.forms.entries()].map(([norm, form]) => ({ norm, ...form }));
  const fits = forms.filter((f) => f.norm.length <= MAX_CHIP_CHARS);
  const pool = fits.length > 0 ? fits : forms;
  // People, places and dates show their fullest form; organisations and amounts their most
  // frequent one, and among equally frequent organisation names the shortest ("Dinas PUPR").
  const length = { person: -1, place: -1, date: -1, organisation: 1, amount: 0 }[group.kind];
  const byFrequency = group.kind === 'organisation' || group.kind === 'amount';
  pool.sort(
    (a, b) =>
      (byFrequency ? b.count - a.count : 0) ||
      length * (a.norm.length - b.norm.length) ||
      a.first - b.first,
  );
  return pool[0].text;
}

/**
 * Key facts of an article, most salient first: frequent and early mentions rank higher. At most
 * `max` facts in all and `maxPerKind` of each kind; each `text` is a substring of a paragraph.
 */
export function extractFacts(paragraphs: string[], options: FactOptions = {}): Fact[] {
  const max = options.max ?? DEFAULT_MAX_FACTS;
  const maxPerKind = options.maxPerKind ?? DEFAULT_MAX_PER_KIND;
  if (max <= 0) return [];

  const total = paragraphs.reduce((sum, p) => sum + p.length + 1, 0) || 1;
  const dateline = paragraphs.length > 0 ? datelineOf(paragraphs[0]) : null;

  // Places first: their names keep places out of people's names ("Bupati Mojokerto Ikfina").
  const knownPlaces = new Set<string>(dateline ? [dateline.place] : []);
  const perParagraph = paragraphs.map((text, index) => {
    const out: Candidate[] = [];
    if (BOILERPLATE.test(text)) return out;
    findPlaces(text, out);
    for (const c of out) {
      if (c.weight < 1) continue;
      for (const word of c.key.split(' ').slice(1)) {
        if (!GENERIC_PLACE_WORDS.has(word)) knownPlaces.add(word);
      }
    }
    findDates(text, out);
    findAmounts(text, out);
    findOrganisations(text, index === 0 && dateline ? dateline.end : 0, out);
    return out;
  });

  const groups = new Map<string, Group>();
  let offset = 0;
  paragraphs.forEach((text, index) => {
    const candidates = perParagraph[index];
    if (!BOILERPLATE.test(text)) findPeople(text, knownPlaces, candidates);
    for (const c of resolveOverlaps(text, candidates)) {
      const id = `${c.kind}|${c.key}`;
      const raw = text.slice(c.start, c.end);
      const norm = raw.replace(/\s+/g, ' ');
      const first = (offset + c.start) / total;
      const group: Group = groups.get(id) ?? {
        kind: c.kind,
        key: c.key,
        keys: new Set([c.key]),
        weight: 0,
        first,
        clock: !!c.clock,
        forms: new Map(),
      };
      group.weight += c.weight;
      for (const alias of c.aliases ?? []) group.keys.add(alias);
      const form = group.forms.get(norm);
      if (form) form.count++;
      else group.forms.set(norm, { text: raw, count: 1, first });
      groups.set(id, group);
    }
    offset += text.length + 1;
  });

  const byKind = new Map<FactKind, Group[]>();
  for (const group of groups.values()) {
    byKind.set(group.kind, [...(byKind.get(group.kind) ?? []), group]);
  }
  for (const [kind, list] of byKind) byKind.set(kind, mergeMentions(list, kind));

  // A bare clock time is a fact only when the article gives no date.
  const dates = byKind.get('date') ?? [];
  if (dates.some((g) => !g.clock))
    byKind.set(
      'date',
      dates.filter((g) => !g.clock),
    );
  // "dari Ahmad" names a person, not a place.
  const personKeys = (byKind.get('person') ?? []).flatMap((g) => [...g.keys]);
  byKind.set(
    'place',
    (byKind.get('place') ?? []).filter(
      (g) => !personKeys.some((k) => k === g.key || containsWords(k, g.key)),
    ),
  );

  const ranked = [...byKind.values()]
    .flat()
    .map((group) => ({ group, score: group.weight + (1 - group.first) }))
    .sort((a, b) => b.score - a.score || a.group.first - b.group.first);

  // The best fact of each kind first, so one busy kind cannot crowd out the date; then the rest.
  const chosen = new Set<Group>();
  const perKind = new Map<FactKind, number>();
  const take = (group: Group) => {
    chosen.add(group);
    perKind.set(group.kind, (perKind.get(group.kind) ?? 0) + 1);
  };
  for (const { group } of ranked) {
    if (chosen.size < max && maxPerKind > 0 && !perKind.has(group.kind)) take(group);
  }
  for (const { group } of ranked) {
    if (chosen.size < max && !chosen.has(group) && (perKind.get(group.kind) ?? 0) < maxPerKind) {
      take(group);
    }
  }
  return ranked
    .filter(({ group }) => chosen.has(group))
    .map(({ group }) => ({ kind: group.kind, text: displayText(group) }));
}
