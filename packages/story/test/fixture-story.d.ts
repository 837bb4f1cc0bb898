export declare const FIXTURES: string;
/** What a broken fixture must produce: `code` at `file` (relative to the story folder), `line`. */
export interface FixtureExpectation {
    code: string;
    file: string;
    line: number;
    /** Codes a fixture may also produce because one mistake breaks more than one rule. */
    also?: string[];
    /** Files of the base story this fixture deletes. */
    remove?: string[];
}
/**
 * A broken fixture is the base story with some files replaced (the fixture folder holds the replacements,
 * whole files, so every expected line is a real line of a real file) and some removed. It is assembled in a
 * temporary folder named `base`, like the base story, so the id check holds unless the fixture breaks it.
 */
export declare function materializeFixture(name: string): Promise<{
    dir: string;
    expected: FixtureExpectation;
    cleanup: () => Promise<void>;
}>;
//# sourceMappingURL=fixture-story.d.ts.map