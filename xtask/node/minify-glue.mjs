// Minifies wasm-bindgen's JS glue in place (`node minify-glue.mjs FILE`) and prints the new file's
// Subresource Integrity value (`sha384-…`) for the page's `<link rel=modulepreload>`.
//
// Trunk 0.21's own minifier gives up on the glue (it cannot parse `export { … as default }`) and
// ships it unminified, so `cargo xtask dist` runs terser on it instead.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { minify } from 'terser';

const file = process.argv[2];
if (!file) {
  console.error('usage: node minify-glue.mjs GLUE.js');
  process.exit(2);
}
const source = readFileSync(file, 'utf8');
const out = await minify(source, { module: true, compress: true, mangle: true });
if (typeof out.code !== 'string' || out.code.length === 0) {
  console.error(`terser returned no code for ${file}`);
  process.exit(1);
}
writeFileSync(file, out.code);
console.log(`sha384-${createHash('sha384').update(out.code).digest('base64')}`);
