// A Web Worker for /your-data: reads the user's file (or a bundled example), fits the own-data
// estimator and answers queries, so parsing a million rows never blocks the page. The data stay
// in this worker: nothing leaves the browser.
import {fitJointEffects, type FitOptions, type JointEffectsModel, type Query} from "../lib/own-data/joint-effects.js";
import {regimeData, type ColumnRoles, type RegimeData} from "../lib/own-data/regime-data.js";
import {readTable, type RawTable} from "../lib/own-data/tidy-table.js";

let raw: RawTable | undefined;
let data: RegimeData | undefined;
let model: JointEffectsModel | undefined;

type Request =
  | {type: "load"; bytes: ArrayBuffer; source: string}
  | {type: "fit"; roles: ColumnRoles; options: FitOptions}
  | {type: "query"; queries: Query[]; intervened?: string[]; level: number};

self.onmessage = (event: MessageEvent<{id: number; request: Request}>) => {
  const {id, request} = event.data;
  const started = performance.now();
  try {
    switch (request.type) {
      case "load": {
        raw = readTable(new Uint8Array(request.bytes), request.source);
        data = model = undefined;
        self.postMessage({id, result: {names: raw.names, rows: raw.rows, ms: performance.now() - started}});
        return;
      }
      case "fit": {
        if (!raw) throw new Error("no file loaded");
        data = regimeData(raw, request.roles);
        model = undefined;
        const parsedMs = performance.now() - started;
        model = fitJointEffects(data, request.options);
        const {fitMs, resampleMs} = model.diagnostics.timings;
        const summary = data.actions.map((a, k) => {
          const rows = data!.single[k]?.rows ?? data!.observational.rows;
          const values = Float64Array.from(rows, (i) => data!.x[k][i]).sort();
          return {action: a, min: values[0], max: values[values.length - 1], median: values[values.length >> 1], q05: values[Math.floor(0.05 * (values.length - 1))], q95: values[Math.ceil(0.95 * (values.length - 1))]};
        });
        const mixed = data.mixed.map((g) => ({regime: g.label, intervened: g.intervened.map((k) => data!.actions[k])}));
        self.postMessage({id, result: {diagnostics: model.diagnostics, summary, mixed, parsedMs, fitMs, resampleMs}});
        return;
      }
      case "query": {
        if (!model) throw new Error("no model fitted");
        const estimate = model.predict(request.queries, request.intervened);
        const interval = model.diagnostics.bootstrap > 0 ? model.interval(request.queries, {level: request.level, intervened: request.intervened}) : undefined;
        const extrapolation = model.extrapolation(request.queries, request.intervened);
        self.postMessage({id, result: {estimate, lower: interval?.lower, upper: interval?.upper, extrapolation, ms: performance.now() - started}});
        return;
      }
    }
  } catch (error) {
    self.postMessage({id, error: (error as Error).message});
  }
};
