// What every reader of one text shares: the folded text, its structure, the trigger hits, the mask,
// the quantities and the target markers — each found once, in one pass, before any rule runs.
import type { Evidence } from '@thermocline/contracts';
import type { MetricDefinition } from './catalogue';
import { compileDefinitions, findHits, type CompiledDefinitions, type Hit } from './matcher';
import { joinSoftBreaks } from './layout';
import { foldText } from './normalize';
import { readQuantities, type Quantity } from './quantities';
import { completeMask, scanCharacters, targetMarkers, type Scan } from './scan';
import { analyseStructure, type Structure } from './structure';
import { OPINION_AFTER } from './vocabulary/not-activities';

export interface Reading {
  /** the text as given (evidence is cut from it) */
  text: string;
  /** the folded text every rule reads (same length, same offsets) */
  s: string;
  compiled: CompiledDefinitions;
  structure: Structure;
  scan: Scan;
  /** per character: 1 formula, 2 inside quotes or a title, 4 inside a plans section */
  mask: Uint8Array;
  /** trigger words (strong and weak), sorted by start */
  hits: Hit[];
  /** exclusion words (安全检查, 治安形势研判…) */
  excludes: Hit[];
  /** activity words a people count may take its key from */
  activities: Hit[];
  quantities: Quantity[];
  /** positions of target markers (至少, 计划, 将…) */
  markers: number[];
}

export function readText(text: string, definitions: MetricDefinition[], formulas: string[]): Reading {
  const compiled = compileDefinitions(definitions);
  const folded = foldText(text);
  const structure = analyseStructure(folded);
  // the metrics readers read wrapped lines as one (rule 9); the structure reads lines
  const s = joinSoftBreaks(folded);
  const scan = scanCharacters(s);
  const mask = new Uint8Array(s.length);
  const found = findHits(s, compiled, formulas, mask);
  // a business word that qualifies public opinion (税收舆情, 汛情舆论) names what the opinion is about:
  // 税收舆情风险研判 is an analysis of opinion, not of the business
  const excludes = found.excludes.filter((h) => !OPINION_AFTER.test(s.slice(h.end, h.end + 4)));
  completeMask(s, mask, scan.quoteOpens, structure.planRanges);
  const quantities = readQuantities(s, mask, compiled.measures, scan.numerals);
  const markers = targetMarkers(s, mask, scan.targets);
  return { text, s, compiled, structure, scan, mask, hits: found.hits, excludes, activities: found.activities, quantities, markers };
}

const EDGE = /[\s，,。；;：:、]/;

/** The evidence [a, b) with punctuation and spaces trimmed at both ends, cut from the original text. */
export function evidence(r: Reading, a: number, b: number): Evidence {
  const s = r.s;
  while (a < b && EDGE.test(s[a])) a++;
  while (b > a && EDGE.test(s[b - 1])) b--;
  return { start: a, end: b, text: r.text.slice(a, b) };
}
