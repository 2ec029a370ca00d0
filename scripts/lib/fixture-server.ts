import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
};

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void;

export interface FixtureServer {
  port: number;
  /** URL of a path on this server under a hostname mapped to 127.0.0.1. */
  url(path: string, host?: string): string;
  route(path: string, handler: RouteHandler): void;
  requests: string[];
  close(): Promise<void>;
}

/** Serves a folder (and any routes added later) on 127.0.0.1 for e2e tests and the demo. */
export async function startFixtureServer(root: string): Promise<FixtureServer> {
  const base = resolve(root);
  const routes = new Map<string, RouteHandler>();
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(`${req.headers.host ?? ''}${req.url ?? ''}`);
    const handler = routes.get(path);
    if (handler) return handler(req, res);
    const file = normalize(join(base, path));
    if (!file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: (path, host = '127.0.0.1') =>
      `http://${host}:${port}${path.startsWith('/') ? '' : '/'}${path}`,
    route: (path, handler) => routes.set(path, handler),
    requests,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
