import { describe, expect, it } from 'vitest';
import { removeNewsletterBoxes } from '@/lib/extract/cleanup/newsletter';
import { body, PROSE, text } from './helpers';

describe('removeNewsletterBoxes', () => {
  it('removes a sign-up box with its success message', () => {
    const root = body(`<p>${PROSE}</p>
      <div class="newsletter newsletter_desktop"><span>Jangan sampai ketinggalan berita terkini, langganan newsletter kami sekarang!</span>
      <div class="newsletter__wrapper_hidden"><strong>Success</strong><br>Email berhasil dikirim</div></div>`);
    removeNewsletterBoxes(root);
    expect(text(root)).toBe(PROSE);
  });

  it('removes an unnamed sign-up prompt, keeps story text about newsletters', () => {
    const long = `${PROSE} Redaksi juga mengirim newsletter mingguan kepada pelanggan yang mendaftar.`;
    const root = body(`<p>${long}</p><p>Sign up for our newsletter to get the news first.</p>`);
    removeNewsletterBoxes(root);
    expect(text(root)).toBe(long);
  });
});
