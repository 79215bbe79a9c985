/// <reference types="node" />
// Generates functions.json from the JSDoc of functions.ts with the custom-functions-metadata API.
// Its CLI exits 0 even when it reports errors, so the build calls the API and throws on any error.
// CLI: `npm run build:functions-metadata [-- outDir]` (default outDir: dist).
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { FUNCTION_KINDS } from './ids';

export const FUNCTIONS_SOURCE = fileURLToPath(new URL('./functions.ts', import.meta.url));

type MetadataShape = { functions?: { id?: unknown }[] };

/** Writes `outDir/functions.json`; throws when the generator reports an error or a function is missing. */
export async function generateFunctionsMetadata(outDir: string, sourceFile: string = FUNCTIONS_SOURCE): Promise<void> {
  const result = await generateCustomFunctionsMetadata(sourceFile, false);
  if (result.errors.length > 0) {
    throw new Error(`custom-functions-metadata: ${result.errors.length} error(s) in ${sourceFile}:\n${result.errors.join('\n')}`);
  }
  if (!result.metadataJson) throw new Error(`custom-functions-metadata: no @customfunction found in ${sourceFile}`);
  const metadata = JSON.parse(result.metadataJson) as MetadataShape;
  const ids = new Set((metadata.functions ?? []).map((f) => f.id));
  const missing = Object.keys(FUNCTION_KINDS).filter((id) => !ids.has(id));
  if (missing.length > 0) throw new Error(`custom-functions-metadata: missing function(s) ${missing.join(', ')}`);
  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, 'functions.json'), `${result.metadataJson}\n`, 'utf8');
}

const invokedPath = process.argv[1];
if (invokedPath && import.meta.url === pathToFileURL(resolve(invokedPath)).href) {
  const outDir = resolve(process.argv[2] ?? 'dist');
  generateFunctionsMetadata(outDir).then(
    () => console.log(`functions.json written to ${outDir}`),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exitCode = 1;
    },
  );
}
