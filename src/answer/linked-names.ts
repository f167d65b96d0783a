import type { AnalysedText, Fact } from '../match/facts.js';

/**
 * Names a question links into one ("the China-France dialogue", "the University of Kraków",
 * "the Kingdom of Naples") must be linked in the evidence too. Both named there but apart — "the
 * University of Warsaw … in Kraków", "advisers of Russia, France … visited China" — is another
 * relation of the same names: the question asks about something the evidence does not say.
 */

/** What joins two names into one in a question: a hyphen or dash ("China-France"), or "of" ("University of Kraków"). */
const LINK = /^(?:\s*[-–]\s*|\s+of\s+(?:the\s+)?)$/;
/** Linked names stay within this many content words of each other in the evidence ("China and the US", "Warsaw University"). */
const LINK_WINDOW = 3;

/** Pairs of names that the question writes as one. */
function linkedPairs(question: AnalysedText): Array<[Fact, Fact]> {
  return question.facts.flatMap((fact, i) => {
    const next = question.facts[i + 1];
    return fact.kind === 'name' && next?.kind === 'name' && LINK.test(question.text.slice(fact.end, next.start)) ? [[fact, next] as [Fact, Fact]] : [];
  });
}

/** Where a name's words stand among the text's content words; none when the text names it only otherwise (an alias, initials). */
const positions = (name: Fact, text: AnalysedText) => text.tokens.flatMap((token, i) => (name.words.some((word) => word.term === token.term) ? [i] : []));

/**
 * The second name of each linked pair whose names both stand in the evidence word for word but never
 * near each other. A pair named otherwise (by an alias) is not judged here.
 */
export function unlinkedNames(question: AnalysedText, evidence: AnalysedText): Fact[] {
  return linkedPairs(question).flatMap(([first, second]) => {
    const [at, others] = [positions(first, evidence), positions(second, evidence)];
    if (at.length === 0 || others.length === 0) return [];
    const near = at.some((i) => others.some((j) => Math.abs(i - j) <= LINK_WINDOW));
    return near ? [] : [second];
  });
}
