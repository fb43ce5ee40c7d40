// Builds the front end into ../../static/build: GOV.UK Frontend (only the components the guide
// uses) compiled from Sass with system fonts and the council's colours, and one small script.
// File names carry a hash of their content so they can be cached for a year; manifest.json maps
// the plain names to the hashed ones for the app.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import * as sass from "sass";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const out = join(root, "static", "build");

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const manifest = {};
function emit(name, contents) {
  const hash = createHash("sha256").update(contents).digest("hex").slice(0, 12);
  const [stem, ext] = name.split(/\.(?=[^.]+$)/);
  const hashed = `${stem}.${hash}.${ext}`;
  writeFileSync(join(out, hashed), contents);
  manifest[name] = hashed;
}

for (const entry of readdirSync(join(here, "scss")).filter((f) => !f.startsWith("_"))) {
  const css = sass.compile(join(here, "scss", entry), {
    loadPaths: [join(root, "node_modules")],
    style: "compressed",
    quietDeps: true,
  }).css;
  emit(entry.replace(/\.scss$/, ".css"), css);
}

const js = await esbuild.build({
  entryPoints: [join(here, "js", "app.mjs")],
  bundle: true,
  minify: true,
  format: "esm",
  target: ["es2017"],
  write: false,
});
emit("app.js", js.outputFiles[0].contents);

writeFileSync(join(out, "manifest.json"), JSON.stringify(manifest, null, 2));
console.log("built", Object.values(manifest).join(", "));
