/**
 * Function words carry almost no topical signal yet are the most frequent tokens, so they get a tiny
 * weight; WordNet's tag counts cannot tell us this because it has no entries for most of them.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both
  but by can could did do does doing down during each either else etc ever few for from further had has have having he
  her here hers herself him himself his how however i if in into is it its itself just may me might more most must my
  myself neither no nor not now of off on once only or other otherwise our ours ourselves out over own per same shall
  she should since so some such than that the their theirs them themselves then there therefore these they this those
  though through thus to too under until up upon us very via was we were what when where whether which while who whom
  whose why will with within without would yet you your yours yourself yourselves s t`.split(/\s+/),
);
