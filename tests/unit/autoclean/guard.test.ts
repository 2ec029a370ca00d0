import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { filterHideable, isSafeToHide, protectedRegion } from '@/lib/autoclean/guard';

function load(html: string) {
  return new JSDOM(html, { url: 'https://mojokerto.disway.id/read/1/berita' }).window.document;
}

const para = (text: string) =>
  `<p>${text} ${'Warga dan pemerintah desa bekerja sama memperbaiki jalan. '.repeat(2)}</p>`;

const PAGE = `<html><head>
  <meta property="og:title" content="Jalan Desa Diperbaiki - Disway">
  <meta property="og:image" content="https://cdn.disway.id/uploads/lead.jpg?w=1200">
</head><body>
  <div id="wrap"><main id="main">
    <article id="article">
      <h1 id="h1">Jalan Desa Diperbaiki <span id="h1-span">Promo</span></h1>
      <figure id="lead-fig"><img id="lead" src="/uploads/lead.jpg"><figcaption>Foto</figcaption></figure>
      <div class="entry-content" id="body">
        ${para('Satu.')}
        <div id="slot"><span>ADVERTISEMENT</span><ins class="adsbygoogle"></ins></div>
        ${para('Dua.').replace('<p>', '<p id="p2">')}
        <p id="short">BACA JUGA: <a href="/x">Judul lain</a></p>
        <p id="linked">Kata bupati, <a id="inline" href="https://speedcash.example">SpeedCash</a> ${'menjadi mitra pembayaran pajak daerah tahun ini. '.repeat(2)}</p>
        <figure id="photo"><img src="/uploads/2.jpg"><figcaption>Pekerja</figcaption></figure>
        ${para('Tiga.')}
      </div>
    </article>
  </main>
  <aside id="aside"><div id="side-ad"><img src="/b.png"></div></aside></div>
</body></html>`;

describe('protectedRegion', () => {
  it('finds body, headline and lead image', () => {
    const doc = load(PAGE);
    const region = protectedRegion(doc);
    expect(region.body?.id).toBe('body');
    expect(region.headline?.id).toBe('h1');
    expect(region.leadImage?.id).toBe('lead');
    expect(region.content.map((el) => el.id)).toContain('photo');
    expect(region.content.map((el) => el.id)).toContain('p2');
  });

  it('finds a <br>-split text block and its container', () => {
    const text =
      'Jakarta (ANTARA) - Harga cabai rawit turun tajam di pasar induk minggu ini.<br><br>';
    const doc = load(
      `<body><div id="news"><h1>Judul</h1><div id="content_news">${text.repeat(6)}<div id="ad"><ins class="adsbygoogle"></ins></div></div></div></body>`,
    );
    const region = protectedRegion(doc);
    expect(region.body?.id).toBe('content_news');
    expect(isSafeToHide(doc.getElementById('ad')!, region)).toBe(true);
    expect(isSafeToHide(doc.getElementById('news')!, region)).toBe(false);
  });

  it('picks the h1 matching og:title when there are several', () => {
    const doc = load(
      '<head><meta property="og:title" content="Banjir Rendam Sooko"></head><body><h1 id="site">Disway Mojokerto</h1><article><h1 id="story">Banjir Rendam Sooko</h1><p>' +
        'Air setinggi lutut merendam rumah warga di Kecamatan Sooko sejak Senin pagi. '.repeat(3) +
        '</p></article></body>',
    );
    expect(protectedRegion(doc).headline?.id).toBe('story');
  });

  it('falls back to a known body container when there is no prose', () => {
    const doc = load('<body><div class="read__content" id="rc"><div>Singkat.</div></div></body>');
    expect(protectedRegion(doc).body?.id).toBe('rc');
  });
});

describe('isSafeToHide', () => {
  const doc = load(PAGE);
  const region = protectedRegion(doc);
  const safe = (id: string) => isSafeToHide(doc.getElementById(id)!, region);

  it('refuses the body, its ancestors, the headline and the lead image', () => {
    for (const id of ['body', 'article', 'main', 'wrap', 'h1', 'h1-span', 'lead', 'lead-fig']) {
      expect(safe(id), id).toBe(false);
    }
    expect(isSafeToHide(doc.body, region)).toBe(false);
    expect(isSafeToHide(doc.documentElement, region)).toBe(false);
  });

  it('refuses story paragraphs, captioned photos and inline text inside them', () => {
    for (const id of ['p2', 'photo', 'linked', 'inline']) expect(safe(id), id).toBe(false);
  });

  it('allows ad slots inside the body and ads outside it', () => {
    for (const id of ['slot', 'short', 'aside', 'side-ad']) expect(safe(id), id).toBe(true);
  });

  it('refuses any element that holds a big share of the page prose', () => {
    const two = load(
      `<body><div id="a">${para('A1')}${para('A2')}${para('A3')}</div><div id="b">${para('B1')}${para('B2')}</div></body>`,
    );
    const r = protectedRegion(two);
    expect(r.body?.id).toBe('a');
    expect(isSafeToHide(two.getElementById('b')!, r)).toBe(false);
  });

  it('never allows hiding anything that contains a protected element', () => {
    for (const el of doc.querySelectorAll('*')) {
      if (region.elements.some((keep) => el === keep || el.contains(keep))) {
        expect(isSafeToHide(el, region), el.tagName + '#' + el.id).toBe(false);
      }
    }
  });
});

describe('filterHideable', () => {
  it('drops unsafe and nested elements and counts the unsafe', () => {
    const doc = load(PAGE);
    const region = protectedRegion(doc);
    const byId = (id: string) => doc.getElementById(id)!;
    const ins = doc.querySelector('#slot ins')!;
    const { hide, skipped } = filterHideable(
      [ins, byId('slot'), byId('article'), byId('side-ad'), byId('aside'), byId('slot')],
      region,
    );
    expect(hide.map((el) => el.id)).toEqual(['slot', 'aside']);
    expect(skipped).toBe(1);
  });
});
