import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { onMessages, sendToBackground } from '@/lib/messages';

describe('typed messages', () => {
  beforeEach(() => fakeBrowser.reset());

  it('routes a message to its handler and returns the typed result', async () => {
    const opened: number[] = [];
    const stop = onMessages({
      'reader:open-tab': ({ tabId }) => {
        opened.push(tabId);
        return true;
      },
    });
    await expect(sendToBackground('reader:open-tab', { tabId: 7 })).resolves.toBe(true);
    expect(opened).toEqual([7]);
    stop();
  });

  it('ignores foreign messages and types it has no handler for', async () => {
    let calls = 0;
    onMessages({ 'picker:ping': () => (calls++, 'pong') });
    onMessages({ 'reader:open-tab': () => true });
    await fakeBrowser.runtime.sendMessage({ type: 'picker:ping' });
    expect(calls).toBe(0);
    await expect(sendToBackground('picker:ping', null)).resolves.toBe('pong');
    expect(calls).toBe(1);
  });
});
