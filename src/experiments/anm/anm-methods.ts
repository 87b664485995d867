import {outcomeIndex, type AnmModel} from "../../anm/anm-model.js";
import {fitJointLikelihoodFromGrams, trainingGrams, type AnmTrainingData, type JointLikelihoodOptions} from "../../anm/joint-likelihood.js";
import {fitReg, fitRegInd} from "../../anm/regression-baselines.js";

/**
 * The methods of Saengkyongam & Silva's experiments (Fig. 2-5); each estimates the outcome's
 * parameters in the model's own feature map. These are exactly the ids the anm-consistency,
 * anm-parameters, anm-network and anm-uncertainty commands accept.
 */
export const ANM_METHODS = [
  {id: "anm", label: "ANM (joint likelihood)"},
  {id: "anm-paper", label: "ANM, paper-like optimizer"},
  {id: "reg", label: "REG"},
  {id: "reg-ind", label: "REG_IND"},
  {id: "oracle", label: "Oracle (true parameters)"},
] as const;
export type AnmMethodId = (typeof ANM_METHODS)[number]["id"];
export const ANM_METHOD_IDS: AnmMethodId[] = ANM_METHODS.map((m) => m.id);

/** Labels of ids that appear only in the cross-paper experiment (anm-cross), never fitted by fitAnmMethods. */
export const CROSS_ONLY_LABELS = [{id: "anm-quadratic", label: "ANM + intercept and squares"}] as const;

export interface AnmMethodFit {
  method: AnmMethodId;
  /** the outcome's coefficients, in the model's feature order */
  thetaY: number[];
  /** joint-likelihood methods: outer iterations and final log-likelihood */
  iterations: number;
  logLikelihood: number;
}

export function fitAnmMethods(model: AnmModel, data: AnmTrainingData, methods: readonly AnmMethodId[], options: JointLikelihoodOptions = {}): AnmMethodFit[] {
  const y = outcomeIndex(model);
  const {layout, grams} = trainingGrams(model, data);
  return methods.map((method): AnmMethodFit => {
    switch (method) {
      case "anm":
      case "anm-paper": {
        const fit = fitJointLikelihoodFromGrams(layout, grams, {...options, mode: method === "anm" ? "converged" : "paper"});
        return {method, thetaY: fit.theta[y], iterations: fit.iterations, logLikelihood: fit.logLikelihood.at(-1)!};
      }
      case "oracle":
        return {method, thetaY: model.theta[y].slice(), iterations: NaN, logLikelihood: NaN};
      case "reg":
        return {method, thetaY: fitReg(model, layout, grams), iterations: NaN, logLikelihood: NaN};
      case "reg-ind":
        return {method, thetaY: fitRegInd(model, layout, grams), iterations: NaN, logLikelihood: NaN};
      default:
        return unknownMethod(method);
    }
  });
}

/** The type checker proves a switch over method ids complete by reaching this with `never`. */
function unknownMethod(method: never): never {
  throw new Error(`unknown method "${String(method)}" (known: ${ANM_METHOD_IDS.join(", ")})`);
}

export function anmMethodLabel(id: string): string {
  return [...ANM_METHODS, ...CROSS_ONLY_LABELS].find((m) => m.id === id)?.label ?? id;
}

/** Checks a method list: known ids only (those fitAnmMethods fits), no duplicates, not empty. */
export function parseAnmMethods(list: readonly string[]): AnmMethodId[] {
  if (list.length === 0) throw new Error(`no methods given (known: ${ANM_METHOD_IDS.join(", ")})`);
  const seen = new Set<string>();
  for (const m of list) {
    if (!ANM_METHOD_IDS.includes(m as AnmMethodId)) throw new Error(`unknown method "${m}" (known: ${ANM_METHOD_IDS.join(", ")})`);
    if (seen.has(m)) throw new Error(`method "${m}" given twice`);
    seen.add(m);
  }
  return list as AnmMethodId[];
}
