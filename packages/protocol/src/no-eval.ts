import { z } from 'zod';

/*
 * In a browser, zod parses without compiling parsers through `new Function`. The server's content
 * security policy has no 'unsafe-eval', and zod's probe for it (a caught `new Function("")` when the
 * first object schema is built) is still reported as a policy violation. Imported before any schema
 * is built; on the server, compiled parsers stay on.
 */
if ('document' in globalThis) z.config({ jitless: true });
