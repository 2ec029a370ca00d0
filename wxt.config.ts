import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';

/** The Firefox add-on id: fixed once published, since AMO and users' profiles key on it. */
const GECKO_ID = 'baca-bersih@bacabersih.id';

/**
 * Firefox 140 (the 2025 ESR) is the first to read `data_collection_permissions`; everything else
 * we use is older there: MV3 with background scripts (109), scripting (102), storage.session
 * (115), and host permissions granted at install (127).
 */
const FIREFOX_MIN_VERSION = '140.0';

/** What the Firefox sources zip holds: exactly what `npm ci && npm run build:firefox` needs. */
const SOURCES = [
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'wxt.config.ts',
  'README.md',
  'CHANGELOG.md',
  'entrypoints/**',
  'components/**',
  'lib/**',
  'public/**',
  'assets/**',
];

/**
 * The extension's own pages (popup, reader, settings) and its background: our scripts only, no
 * plugins, frames, forms or <base>. Images come from the news sites the reader shows; connections
 * are the filter-list downloads, from whatever http(s) address the user subscribed to.
 */
const EXTENSION_PAGES_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "object-src 'none'",
  "style-src 'self'",
  "img-src 'self' https: http: data:",
  "font-src 'self'",
  "connect-src 'self' https: http:",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

/** `wxt dev` serves pages from its dev server and reloads them over a websocket. */
const DEV_SERVER_CSP = ['connect-src ws://localhost:* http://localhost:*'];

function extensionPagesCsp(command: string): string {
  if (command !== 'serve') return EXTENSION_PAGES_CSP.join('; ');
  const directives = new Map(
    EXTENSION_PAGES_CSP.map((line) => [line.split(' ')[0], line] as const),
  );
  for (const line of DEV_SERVER_CSP) {
    const name = line.split(' ')[0];
    directives.set(name, `${directives.get(name) ?? name} ${line.slice(name.length + 1)}`);
  }
  directives.set('style-src', "style-src 'self' 'unsafe-inline'");
  return [...directives.values()].join('; ');
}

/**
 * The popup loads the reader view's chunk with `import()`, after its own scripts ran; a
 * modulepreload link in popup.html fetches it beside them (each extension file is one round trip).
 */
function preloadReaderView(): Plugin {
  return {
    name: 'baca-bersih:preload-reader-view',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        if (!context.bundle || !context.filename.includes('/popup/')) return [];
        const chunk = Object.values(context.bundle).find(
          (output) =>
            output.type === 'chunk' &&
            output.facadeModuleId?.endsWith('/components/ReaderView.tsx'),
        );
        if (!chunk) return [];
        const href = `/${chunk.fileName}`;
        return [
          {
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href },
            injectTo: 'head',
          },
        ];
      },
    },
  };
}

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact(), preloadReaderView()],
    // `BACA_BERSIH_PERF=1` builds the benchmark's instrumented extension (lib/perf.ts).
    define: { __BACA_BERSIH_PERF__: JSON.stringify(process.env.BACA_BERSIH_PERF === '1') },
  }),
  // MV3 everywhere: Firefox runs the background as an event page (WXT writes background.scripts).
  manifestVersion: 3,
  manifest: ({ browser, command }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'id',
    permissions: ['storage', 'activeTab', 'scripting', 'contextMenus'],
    host_permissions: ['http://*/*', 'https://*/*'],
    action: { default_title: '__MSG_actionTitle__' },
    content_security_policy: { extension_pages: extensionPagesCsp(command) },
    commands: {
      'open-reader': {
        suggested_key: { default: 'Alt+Shift+B' },
        description: '__MSG_commandOpenReader__',
      },
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: GECKO_ID,
          strict_min_version: FIREFOX_MIN_VERSION,
          // Nothing leaves the browser: no telemetry, no server of ours.
          data_collection_permissions: { required: ['none'] },
        },
        // Firefox for Android reads data_collection_permissions from 142 on.
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
  hooks: {
    // WXT takes the action title from the popup's <title>; the toolbar tooltip is translated.
    'build:manifestGenerated': (_wxt, manifest) => {
      if (manifest.action) manifest.action.default_title = '__MSG_actionTitle__';
      // Tells an instrumented build (BACA_BERSIH_PERF=1) apart: scripts/bench/build.ts reads it.
      if (process.env.BACA_BERSIH_PERF === '1') {
        manifest.version_name = `${manifest.version} instrumented`;
      }
    },
  },
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}.zip',
    sourcesTemplate: '{{name}}-{{version}}-sources.zip',
    // An include list: everything else (tests, fixtures, scripts, docs, ../shared) stays out.
    excludeSources: ['**/*'],
    includeSources: SOURCES,
  },
});
