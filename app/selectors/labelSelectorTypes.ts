/** Types of parsed label selectors (see labelSelector.ts). */

export type RequirementOperator =
  | 'Equals' // a=b
  | 'DoubleEquals' // a==b
  | 'NotEquals' // a!=b
  | 'In' // a in (x,y)
  | 'NotIn' // a notin (x,y)
  | 'Exists' // a
  | 'DoesNotExist' // !a
  | 'GreaterThan' // a>5
  | 'LessThan'; // a<5

export interface LabelRequirement {
  readonly key: string;
  readonly operator: RequirementOperator;
  /** Sorted, without duplicates. Empty for Exists/DoesNotExist; one value for =, ==, !=, >, <. */
  readonly values: readonly string[];
}

export interface LabelSelector {
  /** All must hold (AND). None: the selector matches everything. */
  readonly requirements: readonly LabelRequirement[];
  /**
   * Set for a selector that matches no object at all (a null selector on an API object, e.g. a
   * Service without selector). It has no text form: formatLabelSelector throws for it.
   */
  readonly matchesNothing?: true;
}

/** A selector text the API server would reject; says what is wrong and where. */
export class SelectorSyntaxError extends Error {
  override readonly name = 'SelectorSyntaxError';
  constructor(
    /** What is wrong, without the position. */
    readonly problem: string,
    /** 0-based offset in the selector text. */
    readonly position: number,
    /** What was found there ("end of input" or the quoted token), when that helps. */
    readonly found?: string,
  ) {
    super(`${problem} at ${position}${found ? `, found ${found}` : ''}`);
  }
}

/** The selector that matches every object (empty text). */
export const EVERYTHING: LabelSelector = Object.freeze({ requirements: Object.freeze([]) as readonly LabelRequirement[] });
/** The selector that matches no object. */
export const NOTHING: LabelSelector = Object.freeze({ requirements: EVERYTHING.requirements, matchesNothing: true as const });

