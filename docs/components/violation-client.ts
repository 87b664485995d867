import type {SliceResult} from "./violation-charts.js";
import type {SliceSettings} from "./violation-worker.js";

/** One long-lived worker; each request gets an id and only its own answer resolves it. */
let worker: Worker | undefined;
let nextId = 0;

export function sliceInWorker(settings: SliceSettings): Promise<{result: SliceResult; ms: number}> {
  worker ??= new Worker(import.meta.resolve("./violation-worker.js"), {type: "module"});
  const id = ++nextId;
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent) => {
      if (event.data.id !== id) return;
      worker!.removeEventListener("message", onMessage);
      if (event.data.error) reject(new Error(event.data.error));
      else resolve({result: event.data.result, ms: event.data.ms});
    };
    worker!.addEventListener("message", onMessage);
    worker!.postMessage({id, settings});
  });
}
