import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/match/facts.js';
import { rolesAround } from '../../src/match/verb-roles.js';

/** The doer and done-to phrases of the first token written `verb`, as text. */
function roles(sentence: string, verb: string): { doer?: string; doneTo?: string } {
  const text = analyse(sentence, { isNameAtStart: () => true });
  const token = text.tokens.find((candidate) => candidate.text === verb)!;
  const found = rolesAround(text, token);
  const of = (span: { start: number; end: number } | undefined) => (span ? sentence.slice(span.start, span.end) : undefined);
  return { doer: of(found.doer), doneTo: of(found['done-to']) };
}

describe('who does what beside a verb', () => {
  it('reads the phrase before an active verb as its doer and the phrase after it as what it is done to', () => {
    expect(roles('The Denver Broncos defeated the National Football Conference (NFC) champion Carolina Panthers 24–10 to earn their title.', 'defeated')).toEqual({
      doer: 'The Denver Broncos',
      doneTo: 'the National Football Conference (NFC) champion Carolina Panthers 24–10',
    });
    expect(roles('Which team did the Carolina Panthers defeat in Super Bowl 50?', 'defeat')).toEqual({ doer: 'the Carolina Panthers', doneTo: undefined });
    expect(roles('Rainulf Drengot received the county of Aversa, the first toehold, from Duke Sergius IV of Naples.', 'received')).toEqual({
      doer: 'Rainulf Drengot',
      doneTo: 'the county of Aversa',
    });
  });

  it('skips adverbs, auxiliaries and a relative pronoun between the doer and its verb, and gives a joined verb the doer of the first', () => {
    expect(roles('They were licensed by George Westinghouse, who also hired Tesla for a short time.', 'hired')).toEqual({ doer: 'George Westinghouse', doneTo: 'Tesla' });
    expect(roles('The PLA sent delegations to Finland, and received more than 180 visits from other countries.', 'received').doer).toBe('The PLA');
    expect(roles('More than 100 PLA officers have attended courses hosted by the UN.', 'attended').doer).toBe('100 PLA officers');
  });

  it('turns the roles round in the passive, also when the question puts the be-form first', () => {
    expect(roles('In June 1884 he was hired by Thomas Edison to work at his Edison Machine Works.', 'hired')).toEqual({ doer: 'Thomas Edison', doneTo: 'he' });
    expect(roles('When was the FSO Car Factory founded?', 'founded')).toEqual({ doer: undefined, doneTo: 'the FSO Car Factory' });
    // The be-form goes with the participle at the end; "used" is active.
    expect(roles('Where was the language Luther used in his translations spoken?', 'used').doer).toBe('the language Luther');
  });
});

describe('roles read from a window of words around the verb', () => {
  const filler = 'Rain fell on the hills and the rivers rose in the valleys below. '.repeat(200);

  it('finds the same phrases deep in a long text as in the sentence alone', () => {
    const sentence = 'The Denver Broncos defeated the National Football Conference (NFC) champion Carolina Panthers 24–10 to earn their title.';
    const alone = roles(sentence, 'defeated');
    expect(roles(`${filler}${sentence} ${filler}`, 'defeated')).toEqual(alone);
  });

  it('reads on past the first window when the phrase or the joined verb lies further away', () => {
    const long = 'Extraordinarily-well-provisioned-Transcontinental-Expeditionary-Headquarters-Administration';
    expect(roles(`${filler}The ${long} hired Tesla.`, 'hired').doer).toBe(`The ${long}`);
    const joined = `${filler}The PLA sent ${'very '.repeat(30)}many delegations to Finland, and received more than 180 visits.`;
    expect(roles(joined, 'received').doer).toBe('The PLA');
    const closing = `${filler}The Broncos defeated the champion (${long} ${long}) Carolina Panthers.`;
    expect(roles(closing, 'defeated').doneTo).toBe(`the champion (${long} ${long}) Carolina Panthers`);
  });
});
