import { describe, expect, it } from 'vitest';
import { normalizeWord, terms, tokenize } from '../../src/match/analyzer.js';

describe('analyzer', () => {
  it('lower-cases words and drops possessives, apostrophes and full stops', () => {
    expect(normalizeWord('Harbour')).toBe('harbour');
    expect(normalizeWord("Luther's")).toBe('luther');
    expect(normalizeWord('Navy’s')).toBe('navy');
    expect(normalizeWord("O'Neill")).toBe('oneill');
    expect(normalizeWord('U.S.')).toBe('us');
    expect(normalizeWord('ÉCOLE')).toBe('école');
  });

  it('keeps capitalised acronyms whose lower-case forms are stop words, and drops the stop words', () => {
    const words = (text: string) => tokenize(text).map((token) => token.text);
    expect(words('The WHO and the U.S. said it was for us.')).toEqual(['WHO', 'US', 'us']);
    expect(words('IT staff who work in it')).toEqual(['IT', 'staff', 'work']);
    // Capitals that are not acronyms: a capitalised stop word is still a stop word.
    expect(words('Who wrote It')).toEqual(['wrote']);
    // Capital letters outside ASCII count too.
    expect(tokenize('ΑΣ grew').map((token) => token.text)).toEqual(['ΑΣ', 'grew']);
  });

  it('lemmatizes irregular forms, stems, and reads numbers in words and digits', () => {
    expect(terms('The children held twenty-one lanterns and a dozen ropes in 1998.')).toEqual(['child', 'hold', '21', 'lantern', '12', 'rope', '1998']);
    const [token] = tokenize('  Specialised');
    expect(token).toEqual({ text: 'Specialised', word: 'specialised', term: 'special', start: 2, end: 13 });
  });

  it('drops "long", "name", "kind" and "type" only where a question asks through them', () => {
    expect(terms('How long is the name type?')).toEqual(['name', 'type']);
    expect(terms('The name type is 64 bytes long.')).toEqual(['name', 'type', '64', 'byte', 'long']);
    expect(terms('What kind of animal is it?')).toEqual(['anim']);
    expect(terms('What is the name of the king?')).toEqual(['king']);
    expect(terms('What type of column stores text?')).toEqual(['column', 'store', 'text']);
    expect(terms('What was his name?')).toEqual([]);
    expect(terms('It runs as long as it can.')).toEqual(['run']);
    // The name of something written as two words: manuals write it as one ("username").
    expect(terms('the user name')).toEqual(['user']);
  });

  it('drops the one-letter parameters of a written signature, which stand for any value', () => {
    expect(terms('Which float(p) declarations select the real type?')).toEqual(['float', 'declar', 'select', 'real', 'type']);
    expect(terms('substr(X,Y) returns X')).toEqual(['substr', 'return', 'x']);
    expect(terms('numeric(p, s) where p is the precision')).toEqual(['numer', 'p', 'precis']);
  });
});
