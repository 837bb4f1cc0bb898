// `npm run schema -w @jubensha/story`: regenerates packages/story/schema/*.schema.json from the zod schemas.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { storyJsonSchemas } from './json-schema.js';

for (const [name, text] of Object.entries(storyJsonSchemas())) {
  const file = fileURLToPath(new URL(`../../schema/${name}`, import.meta.url));
  await writeFile(file, text);
  console.log(`wrote ${file}`);
}
