// Offsets-bearing text units shared by cleaning, segmentation and extraction.

/** A half-open character range [start, end) into the cleaned text. */
export interface Span {
  start: number;
  end: number;
}

export interface Token extends Span {
  text: string;
  /** Lower-cased, accent-folded form used for lexicon lookups. */
  norm: string;
  /** Lower-cased text, accents kept: the key of phrase and verb-form lookups (set by tokenize). */
  lower?: string;
}

export interface Sentence extends Span {
  text: string;
  /** Index of the paragraph that holds this sentence. */
  paragraph: number;
  tokens: Token[];
}

export interface Paragraph extends Span {
  text: string;
}

export interface Segmented {
  text: string;
  paragraphs: Paragraph[];
  sentences: Sentence[];
}
