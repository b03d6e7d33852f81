// The result of boilerplate removal: the kept text and what was dropped, with the rule that dropped it.

export interface RemovedBlock {
  /** The dropped text, as it stood in the input. */
  text: string;
  /** Offsets into the *input* text. */
  start: number;
  end: number;
  /** Rule id, e.g. "es.crosslink.read" or "es.related.section". */
  rule: string;
}

export interface CleanResult {
  /** The cleaned text: kept blocks joined by blank lines. Evidence offsets point into this. */
  text: string;
  removed: RemovedBlock[];
  /** For each kept block: its offset in the cleaned text and in the input, and its length. */
  map: Array<{ cleanStart: number; inputStart: number; length: number }>;
}
