import { compactCypher, CypherRegistry } from './cypher-registry';

describe('compactCypher', () => {
  it('drops comments and collapses whitespace between tokens', () => {
    expect(compactCypher('// what it does\nMATCH (n:Customer)\n   /* inline */ WHERE n.id = $id // trailing\nRETURN n\n')).toBe('MATCH (n:Customer) WHERE n.id = $id RETURN n');
  });

  it('keeps string literals and backtick names as written, even with // or spaces inside', () => {
    const statement = "RETURN 'http://x  y' AS a, \"it\\'s  // here\" AS b, `odd  name` AS c, 'a\\'  b' AS d";
    expect(compactCypher(statement)).toBe(statement);
  });

  it('stores every statement on one line, without doubled or edge whitespace', () => {
    const registry = new CypherRegistry();
    for (const name of registry.names()) {
      const statement = registry.get(name);
      expect(statement).not.toMatch(/\n|^\s|\s$|\s{2}/);
    }
  });
});
