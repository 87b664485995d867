/** Every method the experiments compare; ids are used in files, the CLI and the site's colours. */
export const METHODS = [
  {id: "intervention-generalization", label: "Intervention Generalization (separate fits)", short: "IG"},
  {id: "intervention-generalization-indicators", label: "Intervention Generalization (one regression with indicators)", short: "IG-ind"},
  {id: "joint-topline", label: "Joint-interventional topline", short: "Joint"},
  {id: "pooled", label: "Pooled obs + single-int", short: "Pooled"},
  {id: "observational", label: "Observational only", short: "Obs"},
] as const;

export type MethodId = (typeof METHODS)[number]["id"];
export const METHOD_IDS: MethodId[] = METHODS.map((m) => m.id);

export function methodLabel(id: string): string {
  return METHODS.find((m) => m.id === id)?.label ?? id;
}
