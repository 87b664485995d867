// The code version of this checkout, without git (a fork or a tarball may have none): the
// package version plus a SHA-256 of every file under src/ (relative path and bytes, in sorted
// order; generated files excluded, their inputs are hashed) and of the runtime dependencies'
// exact versions. Plain JavaScript so the launcher (bin/jel.mjs) can check the compiled build
// against the sources before anything is compiled. Results files record it (code_version).
import {createHash} from "node:crypto";
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";

function files(dir, prefix = "") {
  return readdirSync(dir, {withFileTypes: true})
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name), `${prefix}${e.name}/`) : e.isFile() && !e.name.includes(".generated.") ? [`${prefix}${e.name}`] : []));
}

/** SHA-256 (hex) of src/ and the runtime dependencies; null when `root` has no src/. */
export function sourceHash(root) {
  const src = join(root, "src");
  if (!existsSync(src)) return null;
  const hash = createHash("sha256");
  for (const file of files(src)) hash.update(file).update("\0").update(readFileSync(join(src, file))).update("\0");
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  hash.update(JSON.stringify(pkg.dependencies ?? {}));
  return hash.digest("hex");
}

/** "0.1.0+src.0123456789ab": package version and the first 12 hex digits of sourceHash. */
export function codeVersionOf(root) {
  const hash = sourceHash(root);
  if (hash === null) return null;
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  return `${pkg.version}+src.${hash.slice(0, 12)}`;
}
