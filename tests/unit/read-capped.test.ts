import { describe, expect, it } from 'vitest';
import { readBodyCapped } from '@/lib/read-capped';

function streamed(chunks: string[], headers: Record<string, string> = {}): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
  return new Response(body, { headers });
}

describe('readBodyCapped', () => {
  it('joins the chunks of a body within the cap', async () => {
    const bytes = await readBodyCapped(streamed(['Baca ', 'Bersih']), 100);
    expect(new TextDecoder().decode(bytes ?? undefined)).toBe('Baca Bersih');
  });

  it('stops at the chunk that passes the cap', async () => {
    expect(await readBodyCapped(streamed(['12345', '67890', 'x']), 8)).toBeNull();
  });

  it('believes a declared length over the cap without reading', async () => {
    expect(await readBodyCapped(streamed(['1'], { 'content-length': '9999' }), 8)).toBeNull();
  });

  it('reads an empty body', async () => {
    const response = new Response(null);
    expect(await readBodyCapped(response, 8)).toEqual(new Uint8Array(0));
  });
});
