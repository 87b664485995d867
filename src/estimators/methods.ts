/** Every method the experiments compare; ids are used in files, the CLI and the site's colours. */
export const METHODS = [
  {id: "intervention-generalization", label: "IG, separate fits", description: "Intervention Generalization: K + 1 separate ridge fits combined as sum_k m_k - (K - 1) m_obs (the paper's figures)"},
  {id: "intervention-generalization-indicators", label: "IG, one regression", description: "Intervention Generalization as one ridge regression with regime indicators, f_hat(a, R = 1)"},
  {id: "joint-topline", label: "Joint-data topline", description: "A regression on joint-interventional data (the topline)"},
  {id: "pooled", label: "Pooled obs + single", description: "One regression on all observational and single-interventional data (naive)"},
  {id: "observational", label: "Observational only", description: "E[Y | a] from observational data used as E[Y | do(a)]"},
  {id: "ig-projected", label: "IG + additive projection", description: "The paper's IG projected onto additive functions under the joint-intervention distribution (beyond the paper)"},
  {id: "ig-shared-alpha", label: "IG, one shared alpha", description: "IG with one n-scaled ridge alpha for all K + 1 fits, chosen by pooled held-out error on a wide grid (beyond the paper)"},
  {id: "structure-aware", label: "Structure-aware", description: "One regression with u_k(a_k) and h_k(a_k, detected ancestors) terms per action (beyond the paper)"},
  {id: "structure-aware-adaptive", label: "Structure-aware, adaptive degree", description: "Structure-aware with Hermite terms whose degrees (u_k and h_k separately, up to 6) are chosen by CV (beyond the paper)"},
  {id: "ig-adaptive", label: "IG, adaptive degree", description: "The paper's IG with one CV-chosen degree (1 to 3; higher degrees extrapolate badly in its combination) for all K + 1 fits (beyond the paper)"},
] as const;

export type MethodId = (typeof METHODS)[number]["id"];
export const METHOD_IDS: MethodId[] = METHODS.map((m) => m.id);

export function methodLabel(id: string): string {
  return METHODS.find((m) => m.id === id)?.label ?? id;
}
