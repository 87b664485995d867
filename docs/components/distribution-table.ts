import type {BinaryScm, Distribution} from "../lib/theory/binary-counterexamples.js";

/**
 * Two models' distributions over (X1, X2, Y) side by side, one row per (X1, X2), one column pair
 * per Y value; each cell is marked equal (both models agree) or different.
 */
export function distributionTable(a: Distribution, b: Distribution, model: BinaryScm, {title, names}: {title: string; names: [string, string]}): HTMLElement {
  const [x1, x2, y] = model.observed;
  const table = document.createElement("table");
  table.className = "jel-dist";
  const caption = document.createElement("caption");
  caption.textContent = title;
  table.append(caption);
  const head = table.createTHead().insertRow();
  for (const h of [`${x1}, ${x2}`, `${names[0]}: ${y} = 0`, `${names[1]}: ${y} = 0`, `${names[0]}: ${y} = 1`, `${names[1]}: ${y} = 1`]) {
    const th = document.createElement("th");
    th.textContent = h;
    head.append(th);
  }
  const body = table.createTBody();
  for (const key of ["0,0", "1,0", "0,1", "1,1"]) {
    const row = body.insertRow();
    row.insertCell().textContent = key.replace(",", ", ");
    for (const yv of ["0", "1"]) {
      const pa = a.get(`${key},${yv}`) ?? 0;
      const pb = b.get(`${key},${yv}`) ?? 0;
      const same = Math.abs(pa - pb) < 1e-12;
      for (const v of [pa, pb]) {
        const cell = row.insertCell();
        cell.textContent = v.toFixed(4);
        cell.className = same ? "jel-same" : "jel-differs";
        cell.title = same ? "both models agree" : "the models differ";
      }
    }
  }
  return table;
}
