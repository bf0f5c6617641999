import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('applies defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.NEO4J_DATABASE).toBe('neo4j');
    expect(config.NEO4J_URI).toBeUndefined();
  });

  it('parses numbers from strings', () => {
    expect(loadConfig({ PORT: '8080', THROTTLE_LIMIT: '50' })).toMatchObject({ PORT: 8080, THROTTLE_LIMIT: 50 });
  });

  it('names every bad variable', () => {
    try {
      loadConfig({ PORT: 'eighty', NEO4J_URI: 'http://localhost:7474', API_KEYS: 'short:admin' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toContain('PORT');
      expect(message).toContain('NEO4J_URI');
      expect(message).toContain('API_KEYS');
    }
  });

  it('requires API keys in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/API_KEYS/);
    expect(loadConfig({ NODE_ENV: 'production', API_KEYS: 'k'.repeat(20) + ':admin' }).API_KEYS).toBeDefined();
  });
});
