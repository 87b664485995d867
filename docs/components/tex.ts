import katex from "katex";

/** Renders TeX with KaTeX from node_modules as MathML (no fonts, no network). */
function render(source: string, displayMode: boolean): HTMLElement {
  const el = document.createElement(displayMode ? "div" : "span");
  el.innerHTML = katex.renderToString(source, {output: "mathml", displayMode, throwOnError: false});
  return el;
}

/** Inline math: tex`\sum_k f_k(a_k)` */
export function tex(strings: TemplateStringsArray, ...values: unknown[]): HTMLElement {
  return render(String.raw(strings, ...values), false);
}

/** Display math. */
export function texBlock(strings: TemplateStringsArray, ...values: unknown[]): HTMLElement {
  return render(String.raw(strings, ...values), true);
}
