import { describe, it, expect, afterEach } from 'vitest';
import { startOpsServer, type OpsServer } from '../../src/ops/ops-server.js';
import { createMetrics } from '../../src/ops/metrics.js';
import { parsePrometheus } from '../support/bot-process.js';

let server: OpsServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});


describe('ops server', () => {
  it('answers /healthz 200 when healthy and 503 with reasons when not', async () => {
    let report = { ok: true, reasons: [] as string[] };
    server = await startOpsServer({ port: 0, host: '127.0.0.1', health: () => report, registry: createMetrics({ defaultMetrics: false }).registry });
    let res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', reasons: [] });
    report = { ok: false, reasons: ['database is not writable'] };
    res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'unhealthy', reasons: ['database is not writable'] });
  });

  it('serves /metrics in Prometheus text format with what was recorded', async () => {
    const metrics = createMetrics();
    metrics.messagesSent.inc(3);
    metrics.messagesFailed.inc({ reason: 'rate_limited' });
    metrics.fetchErrors.inc({ feed: 'https://a.example/rss' });
    metrics.outboxBacklog.set(42);
    server = await startOpsServer({ port: 0, host: '127.0.0.1', health: () => ({ ok: true, reasons: [] }), registry: metrics.registry });
    const res = await fetch(`${server.url}/metrics`);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const parsed = parsePrometheus(await res.text());
    expect(parsed.get('keyfigures_messages_sent_total')).toBe(3);
    expect(parsed.get('keyfigures_messages_failed_total{reason="rate_limited"}')).toBe(1);
    expect(parsed.get('keyfigures_feed_fetch_errors_total{feed="https://a.example/rss"}')).toBe(1);
    expect(parsed.get('keyfigures_outbox_backlog')).toBe(42);
    expect([...parsed.keys()].some((k) => k.startsWith('keyfigures_process_cpu'))).toBe(true);
  });

  it('answers 404 elsewhere, naming the endpoints', async () => {
    server = await startOpsServer({ port: 0, host: '127.0.0.1', health: () => ({ ok: true, reasons: [] }), registry: createMetrics({ defaultMetrics: false }).registry });
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('/healthz');
  });
});
