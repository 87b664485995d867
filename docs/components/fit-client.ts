import type {FitDemoResult, FitDemoSettings} from "../lib/experiments/fit-demo.js";

/** One long-lived worker; each request gets an id and only the latest answer is used. */
let worker: Worker | undefined;
let nextId = 0;

export function fitInWorker(settings: FitDemoSettings): Promise<{result: FitDemoResult; engine: string; roundTripMs: number}> {
  worker ??= new Worker(import.meta.resolve("./fit-worker.js"), {type: "module"});
  const id = ++nextId;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent) => {
      if (event.data.id !== id) return;
      worker!.removeEventListener("message", onMessage);
      if (event.data.error) reject(new Error(event.data.error));
      else resolve({result: event.data.result, engine: event.data.engine, roundTripMs: performance.now() - started});
    };
    worker!.addEventListener("message", onMessage);
    worker!.postMessage({id, settings});
  });
}

/** Reads settings from the page's URL (?K=3&n=10000...), falling back to the defaults. */
export function settingsFromUrl(defaults: FitDemoSettings, search: string): FitDemoSettings {
  const q = new URLSearchParams(search);
  const num = (key: keyof FitDemoSettings) => (q.has(key) && Number.isFinite(Number(q.get(key))) ? Number(q.get(key)) : (defaults[key] as number));
  const grid = q.get("alphaGrid");
  return {
    K: num("K"),
    n: num("n"),
    ratio: num("ratio"),
    confounding: num("confounding"),
    degree: num("degree"),
    seed: num("seed"),
    alphaGrid: grid === "wide" || grid === "paper" ? grid : defaults.alphaGrid,
  };
}

/** Writes the settings into the URL without reloading, so the view can be shared. */
export function settingsToUrl(settings: FitDemoSettings): void {
  const q = new URLSearchParams(Object.entries(settings).map(([k, v]) => [k, String(v)]));
  history.replaceState(history.state, "", `${location.pathname}?${q}`);
}
