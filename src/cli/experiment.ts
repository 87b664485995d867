#!/usr/bin/env node
// `npm run experiment -- <experiment> [flags]`: node --import tsx src/cli/experiment.ts ...
import {runEntry} from "./run-entry.js";

await runEntry([]);
