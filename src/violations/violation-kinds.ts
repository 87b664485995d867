import {ANM_VIOLATION_KIND_IDS, ANM_VIOLATION_KINDS, type AnmViolationKind} from "./anm-violations.js";

/**
 * The assumption violations of the lab (issue 13). Each has a strength lambda >= 0; lambda = 0 is
 * exactly the model of Kekić et al. (the SCM randomAdditiveScm draws), so every kind shares its
 * lambda = 0 point with the paper.
 */
export const VIOLATION_KINDS = [
  {id: "interaction", label: "Action–action interaction", assumption: "additive outcome", description: "Y gains lambda * s * z_i z_j: the product of two standardized actions, s the sd of the additive part of Y"},
  {id: "action-confounder", label: "Action × other confounder", assumption: "additive outcome", description: "Y gains lambda * s * z_i * c_j: one action times another action's standardized confounder"},
  {id: "confounder-confounder", label: "Confounder × confounder", assumption: "additive outcome", description: "Y gains lambda * s * c_i * c_j: the product of two actions' standardized confounders"},
  {id: "shared-confounder", label: "Shared confounder", assumption: "pairwise confounding", description: "C_i also enters A_j with strength lambda (in units of A_j's sd; the pair (i, j) is drawn per SCM); the block remedy intervenes on {A_i, A_j} jointly (Corollary 1)"},
  {id: "narrow", label: "Narrow interventions", assumption: "interventions cover the query", description: "each single intervention's sd is shrunk to (1 - 0.9 lambda) of the joint query's, so joint queries extrapolate"},
] as const;

export type ViolationKind = (typeof VIOLATION_KINDS)[number]["id"];
export const VIOLATION_KIND_IDS: ViolationKind[] = VIOLATION_KINDS.map((v) => v.id);

/** Every kind the lab runs: the additive SCM's (above) and the Gaussian ANM's (anm-violations.ts). */
export const ALL_VIOLATION_KINDS = [...VIOLATION_KINDS, ...ANM_VIOLATION_KINDS];
export type AnyViolationKind = ViolationKind | AnmViolationKind;
export const ALL_VIOLATION_KIND_IDS: AnyViolationKind[] = ALL_VIOLATION_KINDS.map((v) => v.id);

export function isAnmKind(kind: AnyViolationKind): kind is AnmViolationKind {
  return (ANM_VIOLATION_KIND_IDS as string[]).includes(kind);
}

export function violationLabel(kind: AnyViolationKind): string {
  return ALL_VIOLATION_KINDS.find((v) => v.id === kind)?.label ?? kind;
}

/** The single-intervention sd as a fraction of the joint query's sd under the narrow violation. */
export function narrowFactor(lambda: number): number {
  return 1 - 0.9 * lambda;
}
