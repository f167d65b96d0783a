import { describe, expect, it } from 'vitest';
import { roleSwap } from '../../src/match/roles.js';
import { partiesSwappedBy } from './swapped-parties.js';

const swap = partiesSwappedBy(roleSwap);

describe('role swaps', () => {
  it('finds two parties the evidence puts the other way round around the word they share', () => {
    expect(swap('BSkyB claimed that Virgin Media had increased the price.', 'Virgin Media claimed that BSkyB had increased the price.')).toBe('BSkyB→Virgin');
    expect(swap("Sky's use of the term infringed on Microsoft's trademark.", "Microsoft's use of the term infringed on Sky's trademark.")).toBe('Sky→Microsoft');
    expect(swap('Other countries have received 180 visits from the PLA.', 'The PLA received 180 visits from other countries.')).toBe('countries→PLA');
  });

  it('reads the passive as the same roles', () => {
    expect(swap('Westinghouse licensed the motor.', 'The motor was licensed by Westinghouse.')).toBeUndefined();
    expect(swap('Savery developed a water pump in 1698.', 'The first device was a water pump, developed in 1698 by Savery.')).toBeUndefined();
  });

  it('finds a swap across voices: the passive keeping the active order puts the other party first', () => {
    expect(swap('Menendez and his forces were routed by the French.', "Menendez' forces routed the French and executed the captives.")).toBe('French→Menendez');
    expect(swap('The motor was licensed by Westinghouse.', 'The motor licensed Westinghouse.')).toBe('Westinghouse→motor');
    // "by" after an active verb is no agent ("increased the price by 10%"): the order alone decides.
    expect(swap('BSkyB increased the price by 10%.', 'BSkyB increased the price.')).toBeUndefined();
  });

  it("finds no swap with a party of another clause, a compound's or identifier's verb, a passive through 'and', or the claim's order stated at another use of the verb", () => {
    expect(swap('Hervé served as a Byzantine general in the 1050s and later retired to Normandy.', 'One of the first Norman mercenaries to serve as a Byzantine general was Hervé.')).toBeUndefined();
    expect(swap('In 1698 Thomas Savery developed a water pump, the first commercial steam-powered device.', 'The first commercial steam-powered device was a water pump, developed in 1698 by Thomas Savery.')).toBeUndefined();
    expect(swap('The Handbook was drafted and reviewed at expert meetings hosted by China.', 'Expert meetings have been hosted by China to draft and review documents including the Handbook.')).toBeUndefined();
    expect(swap('Roger II was crowned king by Antipope Anacletus II.', 'Roger II was crowned king in 1130 (a century after Rainulf was "crowned" count) by Antipope Anacletus II.')).toBeUndefined();
    expect(swap('Roger II was crowned king by Antipope Anacletus II.', 'Antipope Anacletus II was crowned king by Roger II.')).toBe('Roger→Antipope');
  });

  it('finds no swap with a party before a relative pronoun: the relative clause has a subject of its own', () => {
    const evidence = 'Chinese peacekeeping troops in Lebanon have exchanged experience with their counterparts from France, Senegal and Spain.';
    expect(swap('Senegal is one of the countries whose peacekeepers exchanged experience with Chinese peacekeeping troops.', evidence)).toBeUndefined();
    expect(swap('Senegal is a country that Chinese troops in Lebanon, who exchanged experience with its peacekeepers, admire.', evidence)).toBeUndefined();
    // The clause's own subject is still compared.
    expect(swap('Spain is one of the countries whose counterparts in Lebanon exchanged experience with Chinese peacekeeping troops.', evidence)).toBe('counterparts→Chinese');
  });

  it('finds nothing when the order is the same, a party is on both sides, or no verb relates the parties', () => {
    expect(swap('The execution time of the setup statement is excluded.', 'Create a timer with the given statement, setup code and number of executions.')).toBeUndefined();
    expect(swap('China and Vietnam signed a memorandum in Beijing.', 'In April 2015, China and Vietnam signed a memorandum in Beijing.')).toBeUndefined();
    expect(swap('A delegation from the Chinese MND visited the German Training Centre.', 'The German minister visited the Chinese MND, and a delegation from the Chinese MND visited the German Training Centre.')).toBeUndefined();
  });
});
