/**
 * The version of the machine and its context layout. Bump it whenever a snapshot from the previous
 * version would behave differently when restored; snapshots with another version are refused.
 */
export const ENGINE_VERSION = 1;
