// Copy the pinned front-end packages' dist files into the Python package, so that
// `pip install strife` alone serves the analyst desk offline (no CDN, no tile server).
// Run after `npm ci`:  npm run vendor   (the copies are committed).
import { cpSync, mkdirSync, rmSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "src", "strife", "serve", "static", "vendor");
const files = {
  leaflet: ["dist/leaflet.js", "dist/leaflet.css", "dist/images", "LICENSE"],
  "leaflet.markercluster": [
    "dist/leaflet.markercluster.js",
    "dist/MarkerCluster.css",
    "dist/MarkerCluster.Default.css",
    "MIT-LICENCE.txt",
  ],
  "topojson-client": ["dist/topojson-client.min.js", "LICENSE"],
  "world-atlas": ["countries-50m.json", "LICENSE"],
  "swagger-ui-dist": ["swagger-ui-bundle.js", "swagger-ui.css", "LICENSE", "NOTICE"],
};

rmSync(out, { recursive: true, force: true });
const versions = {};
for (const [pkg, paths] of Object.entries(files)) {
  const src = join(here, "node_modules", pkg);
  versions[pkg] = JSON.parse(readFileSync(join(src, "package.json"), "utf8")).version;
  for (const p of paths) {
    const name = p.replace(/^dist\//, "");
    mkdirSync(join(out, pkg), { recursive: true });
    cpSync(join(src, p), join(out, pkg, name), { recursive: true });
  }
}
writeFileSync(join(out, "VERSIONS.json"), JSON.stringify(versions, null, 2) + "\n");
console.log(`copied ${Object.keys(files).length} packages to ${out}`);
