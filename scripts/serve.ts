// Serves the built site (dist/) on 127.0.0.1: `npm run serve` then open the printed address.
import {resolve} from "node:path";
import {serveDirectory} from "../test/browser/static-server.js";

const {origin} = await serveDirectory(resolve(import.meta.dirname, "..", "dist"));
console.log(`Joint Effects Lab: ${origin}/  (Ctrl-C to stop)`);
