// The site's root reaches the library through the docs/lib -> ../src symlink, so Framework turns
// every Markdown file under src/ (and data/) into a page of the site: notes there must not be .md.
import assert from "node:assert/strict";
import {readdirSync} from "node:fs";
import {join, relative} from "node:path";
import test from "node:test";

const root = join(import.meta.dirname, "..");
const files = (dir: string): string[] => readdirSync(dir, {withFileTypes: true}).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));

test("no Markdown under src/ or data/: it would be published as a page through docs/lib and docs/data", () => {
  const md = ["src", "data"].flatMap((d) => files(join(root, d))).filter((f) => f.endsWith(".md")).map((f) => relative(root, f));
  assert.deepEqual(md, []);
});
