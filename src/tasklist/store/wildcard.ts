/**
 * Camunda's `$like` patterns: `*` matches any run of characters, `?` exactly
 * one, and a backslash makes the next character literal. Matching is
 * case-sensitive, as on Camunda's search engines.
 */
type Token = { kind: 'any' } | { kind: 'one' } | { kind: 'text'; text: string };

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern.charAt(i);
    if (char === '\\' && i + 1 < pattern.length) {
      tokens.push({ kind: 'text', text: pattern.charAt(++i) });
    } else if (char === '*') tokens.push({ kind: 'any' });
    else if (char === '?') tokens.push({ kind: 'one' });
    else tokens.push({ kind: 'text', text: char });
  }
  return tokens;
}

/**
 * The SQLite GLOB pattern for a `$like` pattern. GLOB is case-sensitive like
 * Camunda; its own special characters are wrapped in brackets to stay literal.
 */
export function likeToGlob(pattern: string): string {
  return tokenize(pattern)
    .map((token) => {
      if (token.kind === 'any') return '*';
      if (token.kind === 'one') return '?';
      return /[*?[]/.test(token.text) ? `[${token.text}]` : token.text;
    })
    .join('');
}

/** The same pattern as an anchored regular expression, for lists in memory. */
export function likeToRegExp(pattern: string): RegExp {
  const source = tokenize(pattern)
    .map((token) => {
      if (token.kind === 'any') return '[\\s\\S]*';
      if (token.kind === 'one') return '[\\s\\S]';
      return token.text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${source}$`, 'u');
}
