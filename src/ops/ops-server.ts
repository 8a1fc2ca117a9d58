/**
 * The operators' HTTP endpoints (only when HTTP_PORT is set): /healthz and /metrics.
 * A thin adapter over checkHealth and the prom-client registry.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import type { HealthReport } from './health.js';

/** A running ops server. */
export interface OpsServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serve /healthz (200 "ok" or 503 with reasons, JSON) and /metrics (Prometheus text).
 * @example const ops = await startOpsServer({ port: 9464, host: '127.0.0.1', health: () => checkHealth(...), registry })
 */
export async function startOpsServer(opts: {
  port: number;
  host?: string;
  health: () => Promise<HealthReport> | HealthReport;
  registry: Registry;
}): Promise<OpsServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const answer = async () => {
      if (path === '/healthz') {
        const report = await opts.health();
        res.writeHead(report.ok ? 200 : 503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: report.ok ? 'ok' : 'unhealthy', reasons: report.reasons }));
      } else if (path === '/metrics') {
        res.writeHead(200, { 'content-type': opts.registry.contentType });
        res.end(await opts.registry.metrics());
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('Not found: try /healthz or /metrics\n');
      }
    };
    answer().catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`error: ${(err as Error).message}\n`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '0.0.0.0', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
