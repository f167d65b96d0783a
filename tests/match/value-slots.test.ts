import { describe, expect, it } from 'vitest';
import { compareFacts } from '../../src/match/fact-compare.js';
import { analyse } from '../../src/match/facts.js';
import { nameMatcher } from '../../src/match/names.js';
import { misplacedValues, valuesInTheirSlot } from '../../src/match/value-slots.js';

const names = nameMatcher();
const misplaced = (claim: string, evidence: string) => {
  const [c, e] = [analyse(claim, { isNameAtStart: () => true }), analyse(evidence, { isNameAtStart: () => true })];
  const { supported } = compareFacts(c, e, { names, similarity: () => 0 });
  return misplacedValues(c, e, supported).map((conflict) => `${conflict.claim.text}≠${conflict.evidence.text}`);
};

const LEVELS = 'level is an integer from 0 to 9 or -1 controlling the level of compression; 1 (Z_BEST_SPEED) is fastest and produces the least compression, 9 (Z_BEST_COMPRESSION) is slowest and produces the most.';

describe('misplacedValues: a number in another number’s slot', () => {
  it('finds the number the evidence puts next to the claim’s word', () => {
    expect(misplaced('In zlib.compress(), level 1 is the slowest and produces the most compression.', LEVELS)).toEqual(['1≠9']);
    expect(misplaced('For zlib.compress, a level of 9 is fastest and produces the least compression.', LEVELS)).toEqual(['9≠1']);
  });

  it('finds nothing when the number sits in its own slot, or the word is also next to the claim’s number', () => {
    expect(misplaced('Level 9 is slowest and produces the most compression.', LEVELS)).toEqual([]);
    expect(misplaced('Year 0 is 1 BC.', 'Year 0 is 1 BC, year -1 is 2 BC, and so on.')).toEqual([]);
  });

  it('leaves another measure alone', () => {
    expect(misplaced('More than 10,000 square miles of farmland are sown for grain.', 'More than 26,000 square kilometres (10,000 sq mi) of farmland are sown for grain.')).toEqual([]);
  });
});

const inTheirSlot = (claim: string, evidence: string) => {
  const [c, e] = [analyse(claim, { isNameAtStart: () => true }), analyse(evidence, { isNameAtStart: () => true })];
  return valuesInTheirSlot(c, e, compareFacts(c, e, { names, similarity: () => 0 })).map((conflict) => `${conflict.claim.text}≠${conflict.evidence.text}`);
};
/** The claim's fact `value`, read as supported (found elsewhere) or missing, against the evidence's slots. */
const oneInSlot = (claim: string, evidence: string, value: string, as: 'supported' | 'missing') => {
  const [c, e] = [analyse(claim, { isNameAtStart: () => true }), analyse(evidence, { isNameAtStart: () => true })];
  const facts = c.facts.filter((fact) => fact.text === value);
  return valuesInTheirSlot(c, e, as === 'supported' ? { supported: facts, missing: [] } : { supported: [], missing: facts }).map((conflict) => `${conflict.claim.text}≠${conflict.evidence.text}`);
};

describe('valuesInTheirSlot: another value between the same words', () => {
  it('reads a value the evidence replaces in its slot as changed, at the claim’s end too', () => {
    expect(inTheirSlot("Victoria's highest maximum temperature since World War II was recorded at Mildura.", "Victoria's highest maximum temperature since World War II, of 48.8 °C (119.8 °F) was recorded in Hopetoun on 7 February 2009.")).toEqual(['Mildura≠Hopetoun']);
    expect(inTheirSlot('In 1873, Tesla returned to his birthtown, Gospić.', 'In 1873, Tesla returned to his birthtown, Smiljan.')).toEqual(['Gospić≠Smiljan']);
    expect(oneInSlot('The Khan Quest exercises in Mongolia that Chinese personnel joined ran from 2015 to 2017.', 'The Khan Quest exercises in Mongolia from 2015 to 2019, the ADMM-Plus exercises in India in March 2016.', '2017', 'missing')).toEqual(['2017≠2019']);
    expect(inTheirSlot('Robert Guiscard landed in Albania in 1081 with an army of 30,000 men in 500 ships.', 'In 1081 he led an army of 30,000 men in 300 ships landing on the southern shores of Albania.')).toEqual(['500≠300']);
  });

  it('reads a value the evidence states elsewhere as changed only when both its neighbours hold another', () => {
    const coldplay = 'The Super Bowl 50 halftime show was headlined by the British rock group Coldplay, a U.S. favourite.';
    expect(oneInSlot('The Super Bowl 50 halftime show was headlined by the American rock group Coldplay.', coldplay, 'American', 'supported')).toEqual(['American≠British']);
    expect(oneInSlot('The PLA has sent instructors to help with peacekeeping training in the Netherlands.', 'It sent instructors to assist peacekeeping training of Chinese troops and in the Netherlands.', 'Netherlands', 'supported')).toEqual([]);
  });

  it('finds no slot in a list, beside other punctuation, at the claim’s start, or for a place inside the claim’s', () => {
    expect(inTheirSlot('Reportedly, Chinese peacekeeping troops in Liberia exchanged experience.', 'Meanwhile, Chinese peacekeeping troops in Mali and Liberia have exchanged experience.')).toEqual([]);
    expect(inTheirSlot('Significant Huguenot settlements in Ireland were in Dublin, Cork, Portarlington and Belfast.', 'Significant Huguenot settlements were in Dublin, Cork, Portarlington, Lisburn, Waterford and Youghal.')).toEqual([]);
    expect(inTheirSlot('Raymond Smullyan studied rudimentary sets in 1961 while at Princeton.', "Raymond Smullyan's study of rudimentary sets (1961), as well as Hisao Yamada's paper.")).toEqual([]);
    expect(inTheirSlot('In February 2017 the first China-UK dialogue on peacekeeping operations was held in London.', 'In February 2017, the first China-UK dialogue on peacekeeping operations was held in the UK.')).toEqual([]);
  });
});
