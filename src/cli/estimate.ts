#!/usr/bin/env node
// `npm run estimate -- DATA --actions ... --outcome ...`: node --import tsx src/cli/estimate.ts ...
import {runEntry} from "./run-entry.js";

await runEntry(["estimate"]);
