import { describe, it, expect } from 'vitest';
import { redactSecrets } from '../../src/support/redact.js';
import { createLogger } from '../../src/support/logger.js';

const TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';

describe('redactSecrets', () => {
  it.each([
    [`request to https://api.telegram.org/bot${TOKEN}/getUpdates failed`, 'request to https://api.telegram.org/bot<redacted>/getUpdates failed'],
    [`token=${TOKEN}`, 'token=<redacted>'],
    ['971 soldiers at 8:59', '971 soldiers at 8:59'],
  ])('%s', (input, expected) => {
    expect(redactSecrets(input, [TOKEN])).toBe(expected);
  });

  it('removes an explicitly given secret of any shape', () => {
    expect(redactSecrets('x hunter2 y', ['hunter2'])).toBe('x <redacted> y');
  });
});

describe('createLogger', () => {
  it('never writes the token, even inside an error message', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', secrets: [TOKEN], sink: { write: (l) => lines.push(l) } });
    logger.error({ err: `FetchError: request to https://api.telegram.org/bot${TOKEN}/sendMessage failed` }, `boom ${TOKEN}`);
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain(TOKEN);
    expect(lines[0]).toContain('<redacted>');
  });
});
