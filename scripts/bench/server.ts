/**
 * The benchmark's one local server: corpus pages under their original URLs (host, path and
 * query), the demo fixtures under mojokerto.disway.id, and filter lists for the extension.
 * Anything else is a local 404. Chromium's host-resolver rules send every mapped hostname to
 * this port, for http and https alike: the first byte of a connection tells a TLS handshake
 * (HSTS-preloaded hosts are always https) from plain HTTP, and the connection is piped to the
 * matching server. The certificate is a throwaway one made by `openssl` (Chromium runs with
 * certificate errors ignored); without openssl only http works.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, createServer as createTcpServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { readHtml } from '../lib/corpus';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

export interface BenchServer {
  port: number;
  /** Whether https URLs work (a certificate could be made). */
  tls: boolean;
  /** Serves `file` (an .html or .html.gz page) at exactly this URL's host, path and query. */
  page(url: string, file: string): void;
  /** Serves a folder under a hostname (the demo fixtures). */
  folder(hostname: string, dir: string): void;
  /** Serves a text file at http://127.0.0.1:PORT/<name>. */
  file(name: string, path: string): string;
  /** Requests answered with 404, as "host/path". */
  missed: string[];
  close(): Promise<void>;
}

function makeCertificate(): { key: Buffer; cert: Buffer } | null {
  const dir = mkdtempSync(join(tmpdir(), 'baca-bersih-bench-tls-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=baca-bersih-bench.invalid',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } catch {
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function listen(server: Server): Promise<number> {
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => done((server.address() as AddressInfo).port)),
  );
}

export async function startBenchServer(): Promise<BenchServer> {
  const pages = new Map<string, string>();
  const folders = new Map<string, string>();
  const files = new Map<string, string>();
  const bodies = new Map<string, Buffer>();
  const missed: string[] = [];

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const target = new URL(req.url ?? '/', 'http://x');
    const notFound = () => {
      missed.push(`${host}${target.pathname}`);
      res.writeHead(404, { 'content-type': 'text/plain', 'cache-control': 'no-store' });
      res.end('not found');
    };
    const pageFile = pages.get(`${host}${target.pathname}${target.search}`);
    if (pageFile) {
      let body = bodies.get(pageFile);
      if (!body) {
        body = Buffer.from(readHtml(pageFile), 'utf8');
        bodies.set(pageFile, body);
      }
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
      });
      return void res.end(body);
    }
    const listFile = host === '127.0.0.1' ? files.get(target.pathname) : undefined;
    if (listFile) {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      return void res.end(readFileSync(listFile));
    }
    const dir = folders.get(host);
    if (!dir) return notFound();
    const file = normalize(join(dir, decodeURIComponent(target.pathname)));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) return notFound();
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(readFileSync(file));
  };

  const http = createServer(handle);
  const certificate = makeCertificate();
  const https = certificate ? createHttpsServer(certificate, handle) : null;
  const httpPort = await listen(http);
  const httpsPort = https ? await listen(https) : null;
  const front = createTcpServer((socket) => {
    socket.on('error', () => socket.destroy());
    socket.once('data', (first) => {
      const tls = first[0] === 0x16;
      if (tls && httpsPort === null) return void socket.destroy();
      const upstream = connect(tls ? (httpsPort as number) : httpPort, '127.0.0.1');
      upstream.on('error', () => socket.destroy());
      socket.on('close', () => upstream.destroy());
      upstream.write(first);
      socket.pipe(upstream).pipe(socket);
    });
  });
  const port = await listen(front);

  return {
    port,
    tls: https !== null,
    page: (url, file) => {
      const parsed = new URL(url);
      pages.set(`${parsed.hostname.toLowerCase()}${parsed.pathname}${parsed.search}`, file);
    },
    folder: (hostname, dir) => folders.set(hostname.toLowerCase(), resolve(dir)),
    file: (name, path) => {
      files.set(`/${name}`, path);
      return `http://127.0.0.1:${port}/${name}`;
    },
    missed,
    close: async () => {
      const closing = [front, http, ...(https ? [https] : [])].map(
        (server) => new Promise<void>((done) => server.close(() => done())),
      );
      (http as { closeAllConnections?: () => void }).closeAllConnections?.();
      (https as { closeAllConnections?: () => void } | null)?.closeAllConnections?.();
      await Promise.race([Promise.all(closing), new Promise((done) => setTimeout(done, 1000))]);
    },
  };
}
