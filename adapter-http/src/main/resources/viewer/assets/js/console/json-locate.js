// Where a member of a JSON document sits in its text, so that the dashboard editor can show the
// API's INVALID_REQUEST at the offending field: details.field is a path such as
// `filters[1].options.sql`, and the editor selects that member's value and names its line.
// Hand written (about 80 lines) because JSON.parse keeps no positions and the pages load no
// library; it also reports the place of a syntax error, which JSON.parse words differently per
// browser.

export class JsonSyntaxError extends Error {
  constructor(message, offset) {
    super(message);
    this.name = 'JsonSyntaxError';
    this.offset = offset;
  }
}

/** Map of path ('' = the root, 'a.b[2]') -> {start, end, keyStart} of every value in `text`. */
export function spans(text) {
  const out = new Map();
  let i = 0;
  const ws = () => { while (i < text.length && ' \t\r\n'.includes(text[i])) i += 1; };
  const fail = (what) => { throw new JsonSyntaxError(`${what} at ${position(text, i).label}`, i); };
  const join = (path, name) => (path ? `${path}.${name}` : name);

  function string() {
    if (text[i] !== '"') fail('Expected a string');
    const start = i;
    i += 1;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i += 1;
      else if (text[i] < ' ') fail('Control character in a string');
      i += 1;
    }
    if (i >= text.length) fail('Unterminated string');
    i += 1;
    return JSON.parse(text.slice(start, i));
  }

  function value(path, keyStart) {
    ws();
    const start = i;
    const c = text[i];
    if (c === '{') {
      i += 1;
      ws();
      if (text[i] === '}') i += 1;
      else {
        for (;;) {
          ws();
          const memberStart = i;
          const name = string();
          ws();
          if (text[i] !== ':') fail('Expected ":"');
          i += 1;
          value(join(path, name), memberStart);
          ws();
          if (text[i] === ',') { i += 1; continue; }
          if (text[i] === '}') { i += 1; break; }
          fail('Expected "," or "}"');
        }
      }
    } else if (c === '[') {
      i += 1;
      ws();
      if (text[i] === ']') i += 1;
      else {
        for (let n = 0; ; n += 1) {
          value(`${path}[${n}]`, null);
          ws();
          if (text[i] === ',') { i += 1; continue; }
          if (text[i] === ']') { i += 1; break; }
          fail('Expected "," or "]"');
        }
      }
    } else if (c === '"') {
      string();
    } else {
      const m = /^(-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i));
      if (!m) fail(i >= text.length ? 'Unexpected end of the document' : 'Unexpected character');
      i += m[0].length;
    }
    out.set(path, { start, end: i, keyStart: keyStart ?? start });
  }

  value('', null);
  ws();
  if (i < text.length) fail('Unexpected text after the document');
  return out;
}

/** {line, column, label} (1-based) of an offset. */
export function position(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { line, column, label: `line ${line}, column ${column}` };
}

/**
 * The text range to show for `path`: the member itself when present (from its name to the end of
 * its value), else the nearest enclosing member that is (a missing member is refused at its
 * object). Null when the document does not parse.
 */
export function locate(text, path) {
  let map;
  try {
    map = spans(text);
  } catch (e) {
    return null;
  }
  let p = String(path || '');
  for (;;) {
    const span = map.get(p);
    if (span) return { start: span.keyStart, end: span.end, path: p, ...position(text, span.keyStart) };
    if (!p) return null;
    p = p.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
    if (p === path) p = '';
  }
}
