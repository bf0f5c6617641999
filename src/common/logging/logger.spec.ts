import { Writable } from 'node:stream';
import { createRootLogger } from './logger';

describe('createRootLogger', () => {
  it('drops query strings and redacts credentials', () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
    const logger = createRootLogger('info', sink);
    logger.info({ req: { id: 'r1', method: 'GET', url: '/v1/customers?q=Anna%20Smith', headers: { 'x-api-key': 'secret' } } }, 'request');
    logger.info({ config: { password: 'hunter2' } }, 'boot');
    const text = lines.join('');
    expect(text).toContain('/v1/customers');
    expect(text).not.toContain('Anna');
    expect(text).not.toContain('secret');
    expect(text).not.toContain('hunter2');
  });
});
