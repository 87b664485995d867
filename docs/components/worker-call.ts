// The page's side of a long-lived Web Worker: one promise per request, matched to its answer by
// an id (a worker answers { id, error } or { id, ...result }). Each client passes its worker's
// URL as import.meta.resolve("./x-worker.js") written out in its own file, which is how
// Framework finds the worker module to bundle.

export function workerCaller(url: string): <T>(message: Record<string, unknown>, transfer?: Transferable[]) => Promise<T> {
  let worker: Worker | undefined;
  let nextId = 0;
  return <T>(message: Record<string, unknown>, transfer: Transferable[] = []) => {
    worker ??= new Worker(url, {type: "module"});
    const w = worker;
    const id = ++nextId;
    return new Promise<T>((resolve, reject) => {
      const onMessage = (event: MessageEvent) => {
        if (event.data.id !== id) return;
        w.removeEventListener("message", onMessage);
        if (event.data.error) reject(new Error(event.data.error));
        else resolve(event.data as T);
      };
      w.addEventListener("message", onMessage);
      w.postMessage({...message, id}, transfer);
    });
  };
}
