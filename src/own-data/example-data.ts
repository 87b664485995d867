import {randomAdditiveScm, PAPER_SCM_OPTIONS, type AdditiveScm, type RandomScmOptions} from "../scm/additive-scm.js";
import {evaluateJointEffect, exactJointEffect, type ExactJointEffect} from "../scm/exact-effect.js";
import {jointRegime, observationalRegime, singleRegime} from "../scm/regime.js";
import {interventionsFromSample, sampleRegime} from "../scm/sample-regime.js";
import {fail} from "../validate.js";
import {OBSERVATIONAL_LABEL} from "./regime-data.js";

/**
 * Example datasets in the own-data format, drawn from the library's additive SCMs (Kekić et al.,
 * Appendix E family): observational rows, every single-intervention regime, and a small joint
 * regime for checking. Each column is an affine image of the SCM's variable (spend in currency
 * units, sales in units sold), so the estimator meets realistic offsets and scales; the exact
 * joint effect is known in closed form and travels with the data.
 */
export interface ExampleSpec {
  id: string;
  title: string;
  description: string;
  K: number;
  actions: string[];
  outcome: string;
  seed: number;
  rowsPerRegime: number;
  jointRows: number;
  /** a random SCM of the paper's family with these options, or a written-out SCM */
  scm: RandomScmOptions | {fixed: AdditiveScm};
  /** column = offset + scale * SCM variable */
  actionUnits: {offset: number; scale: number}[];
  outcomeUnits: {offset: number; scale: number};
}

/**
 * The marketing example's SCM, written out (polynomial coefficients on the graded basis
 * 1, x0, x1, x0^2, x0 x1, x1^2). A hidden driver C_k per channel raises its spend and sales;
 * email spend drives social and display spend (retargeting budgets follow email), social drives
 * display. Each channel's return diminishes (negative square term) and its return depends on
 * the hidden driver (the a_k c_k term): exactly the non-additive confounding Kekić et al. allow.
 */
const MARKETING_SCM: AdditiveScm = {
  K: 3,
  parents: [[], [0], [0, 1]],
  // g_k(parents, C_k, V_k), degree 1: [1, pa..., C_k, V_k]
  g: [
    {nInputs: 2, degree: 1, coef: [0, 1, 0.6]},
    {nInputs: 3, degree: 1, coef: [0, 0.5, 1, 0.6]},
    {nInputs: 4, degree: 1, coef: [0, 0.4, 0.4, 1, 0.6]},
  ],
  // f_k(A_k, C_k), degree 2: [1, a, c, a^2, a c, c^2]
  f: [
    {nInputs: 2, degree: 2, coef: [0, 0.6, 0.8, -0.15, 0.2, 0]},
    {nInputs: 2, degree: 2, coef: [0, 0.4, 0.7, -0.1, 0.15, 0]},
    {nInputs: 2, degree: 2, coef: [0, 0.25, 0.9, -0.05, 0.1, 0]},
  ],
  confounderNoise: [0, 1, 2].map(() => ({family: "gaussian" as const, mean: 0, std: 1})),
  actionNoise: [0, 1, 2].map(() => ({family: "gaussian" as const, mean: 0, std: 1})),
  outcomeNoise: {family: "gaussian", mean: 0, std: 0.5},
};

export const EXAMPLES: ExampleSpec[] = [
  {
    id: "marketing",
    title: "Marketing: three channels, strong confounding",
    description: "Weekly spend on email, social and display and the week's sales; a hidden driver per channel (e.g. seasonality of its audience) raises both its spend and sales. One randomized spend experiment per channel; 300 weeks with all three randomized for checking.",
    K: 3,
    actions: ["email", "social", "display"],
    outcome: "sales",
    seed: 11,
    rowsPerRegime: 5000,
    jointRows: 300,
    scm: {fixed: MARKETING_SCM},
    actionUnits: [
      {offset: 500, scale: 100},
      {offset: 800, scale: 120},
      {offset: 600, scale: 90},
    ],
    outcomeUnits: {offset: 20_000, scale: 1_500},
  },
  {
    id: "paper-k5",
    title: "Kekić et al.'s SCM family, K = 5",
    description: "A random additive SCM of the paper's Appendix E with five actions A1..A5 and outcome Y, in the paper's units; 10,000 rows per regime and 500 joint rows for checking.",
    K: 5,
    actions: ["A1", "A2", "A3", "A4", "A5"],
    outcome: "Y",
    seed: 3,
    rowsPerRegime: 10_000,
    jointRows: 500,
    scm: PAPER_SCM_OPTIONS,
    actionUnits: Array.from({length: 5}, () => ({offset: 0, scale: 1})),
    outcomeUnits: {offset: 0, scale: 1},
  },
];

export interface ExampleDataset {
  spec: ExampleSpec;
  /** columns in file order: the actions, the outcome, then "regime" */
  actions: Float64Array[];
  outcome: Float64Array;
  regime: string[];
  /** the exact E[Y | do(a)] in the file's units */
  truth: ExactTruth;
}

/** The exact joint effect in the file's units: plain data, so it can go into metadata and to a page. */
export interface ExactTruth {
  effect: ExactJointEffect;
  actionUnits: {offset: number; scale: number}[];
  outcomeUnits: {offset: number; scale: number};
}

export function exampleSpec(id: string): ExampleSpec {
  return EXAMPLES.find((e) => e.id === id) ?? fail(`unknown example "${id}" (known: ${EXAMPLES.map((e) => e.id).join(", ")})`);
}

export function exampleDataset(spec: ExampleSpec): ExampleDataset {
  const {K, seed, rowsPerRegime: n} = spec;
  const scm = "fixed" in spec.scm ? spec.scm.fixed : randomAdditiveScm(K, seed, spec.scm);
  const obs = sampleRegime(scm, observationalRegime(K), n, seed, undefined, "example");
  const interventions = interventionsFromSample(obs);
  const parts = [
    {label: OBSERVATIONAL_LABEL, sample: obs},
    ...spec.actions.map((a, k) => ({label: a, sample: sampleRegime(scm, singleRegime(K, k), n, seed, interventions, "example")})),
    {label: spec.actions.join("+"), sample: sampleRegime(scm, jointRegime(K), spec.jointRows, seed, interventions, "example")},
  ];
  const rows = parts.reduce((s, p) => s + p.sample.n, 0);
  const actions = spec.actions.map(() => new Float64Array(rows));
  const outcome = new Float64Array(rows);
  const regime: string[] = [];
  let r = 0;
  for (const {label, sample} of parts)
    for (let i = 0; i < sample.n; i++, r++) {
      spec.actionUnits.forEach((u, k) => (actions[k][r] = round(u.offset + u.scale * sample.actions[k][i])));
      outcome[r] = round(spec.outcomeUnits.offset + spec.outcomeUnits.scale * sample.outcome[i]);
      regime.push(label);
    }
  return {spec, actions, outcome, regime, truth: {effect: exactJointEffect(scm), actionUnits: spec.actionUnits, outcomeUnits: spec.outcomeUnits}};
}

/** E[Y | do(a)] in the file's units at each query (columns in the spec's action order). */
export function exactEffect(truth: ExactTruth, actions: ArrayLike<number>[]): Float64Array {
  const z = actions.map((col, k) => Float64Array.from(col as ArrayLike<number>, (v) => (v - truth.actionUnits[k].offset) / truth.actionUnits[k].scale));
  return evaluateJointEffect(truth.effect, z).map((v) => truth.outcomeUnits.offset + truth.outcomeUnits.scale * v);
}

/** Six significant digits, as a file would carry them. */
function round(v: number): number {
  return Number(v.toPrecision(6));
}
