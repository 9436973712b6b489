// Minifies wasm-bindgen's JS glue in place: `node minify-glue.mjs FILE`.
//
// Trunk 0.21's own minifier gives up on the glue (it cannot parse `export { … as default }`) and
// ships it unminified, so `cargo xtask dist` runs terser on it instead (xtask/src/glue.rs).
import { readFileSync, writeFileSync } from 'node:fs';
import { minify } from 'terser';

const file = process.argv[2];
if (!file) {
  console.error('usage: node minify-glue.mjs GLUE.js');
  process.exit(2);
}
const out = await minify(readFileSync(file, 'utf8'), { module: true, compress: true, mangle: true });
if (typeof out.code !== 'string' || out.code.length === 0) {
  console.error(`terser returned no code for ${file}`);
  process.exit(1);
}
writeFileSync(file, out.code);
