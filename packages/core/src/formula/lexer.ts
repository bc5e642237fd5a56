import { FormulaFailure, formulaError } from './formula-error.ts';

export type TokenKind =
  | 'number'
  | 'ident'
  | 'ref'
  | 'op'
  | 'lparen'
  | 'rparen'
  | 'lbracket'
  | 'rbracket'
  | 'comma'
  | 'eof';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly value: number;
  readonly pos: number;
}

const OPERATORS = ['<=', '>=', '==', '!=', '&&', '||', '+', '-', '*', '/', '%', '^', '<', '>', '!'];
const isDigit = (c: string) => c >= '0' && c <= '9';
const isIdentStart = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
const isIdentPart = (c: string) => isIdentStart(c) || isDigit(c);

const fail = (pos: number, id: string, en: string): never => {
  throw new FormulaFailure(formulaError('parse', { id, en }, { position: pos }));
};

const readNumber = (src: string, start: number): [Token, number] => {
  const m = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(src.slice(start, start + 400));
  if (!m)
    return fail(
      start,
      `angka tidak sah pada karakter ${start + 1}`,
      `invalid number at character ${start + 1}`,
    );
  const text = m[0];
  const value = Number(text);
  if (!Number.isFinite(value)) {
    fail(
      start,
      `angka terlalu besar pada karakter ${start + 1}`,
      `number too large at character ${start + 1}`,
    );
  }
  return [{ kind: 'number', text, value, pos: start }, start + text.length];
};

const readIdent = (src: string, start: number): [Token, number] => {
  let i = start + 1;
  while (i < src.length) {
    const c = src.charAt(i);
    if (isIdentPart(c)) i++;
    else if (c === '.' && i + 1 < src.length && isIdentPart(src.charAt(i + 1))) i += 2;
    else break;
  }
  return [{ kind: 'ident', text: src.slice(start, i), value: 0, pos: start }, i];
};

const readBracedRef = (src: string, start: number): [Token, number] => {
  const end = src.indexOf('}', start + 1);
  if (end < 0)
    fail(start, `"{" tanpa "}" pada karakter ${start + 1}`, `unclosed "{" at character ${start + 1}`);
  const name = src.slice(start + 1, end).trim();
  if (name.length === 0 || name.length > 128) {
    fail(
      start,
      `nama rujukan kosong atau terlalu panjang pada karakter ${start + 1}`,
      `empty or too long reference at character ${start + 1}`,
    );
  }
  return [{ kind: 'ref', text: name, value: 0, pos: start }, end + 1];
};

const SINGLE: Record<string, TokenKind> = {
  '(': 'lparen',
  ')': 'rparen',
  '[': 'lbracket',
  ']': 'rbracket',
  ',': 'comma',
};

/** Splits a formula into tokens; throws FormulaFailure (caught by the parser's caller). */
export const tokenize = (src: string): Token[] => {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src.charAt(i);
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    let tok: Token;
    if (isDigit(c) || (c === '.' && isDigit(src.charAt(i + 1)))) [tok, i] = readNumber(src, i);
    else if (isIdentStart(c)) [tok, i] = readIdent(src, i);
    else if (c === '{') [tok, i] = readBracedRef(src, i);
    else if (SINGLE[c] !== undefined) {
      tok = { kind: SINGLE[c], text: c, value: 0, pos: i };
      i++;
    } else {
      const op = OPERATORS.find((o) => src.startsWith(o, i));
      if (op === undefined) {
        return fail(
          i,
          `karakter "${c}" tidak dikenal pada karakter ${i + 1}`,
          `unexpected character "${c}" at character ${i + 1}`,
        );
      }
      tok = { kind: 'op', text: op, value: 0, pos: i };
      i += op.length;
    }
    tokens.push(tok);
  }
  tokens.push({ kind: 'eof', text: '', value: 0, pos: src.length });
  return tokens;
};
