import {outcomeIndex, type AnmModel} from "../../anm/anm-model.js";
import {fitJointLikelihoodFromGrams, trainingGrams, type AnmTrainingData, type JointLikelihoodOptions} from "../../anm/joint-likelihood.js";
import {fitReg, fitRegInd} from "../../anm/regression-baselines.js";

/** The methods of Saengkyongam & Silva's experiments; each estimates the outcome's parameters. */
export const ANM_METHODS = [
  {id: "anm", label: "ANM (joint likelihood)"},
  {id: "anm-paper", label: "ANM, paper-like optimizer"},
  {id: "reg", label: "REG"},
  {id: "reg-ind", label: "REG_IND"},
  {id: "oracle", label: "Oracle (true parameters)"},
  {id: "anm-quadratic", label: "ANM + intercept and squares"},
] as const;
export type AnmMethodId = (typeof ANM_METHODS)[number]["id"];
export const ANM_METHOD_IDS: AnmMethodId[] = ANM_METHODS.map((m) => m.id);

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
  return methods.map((method) => {
    if (method === "anm" || method === "anm-paper") {
      const fit = fitJointLikelihoodFromGrams(layout, grams, {...options, mode: method === "anm" ? "converged" : "paper"});
      return {method, thetaY: fit.theta[y], iterations: fit.iterations, logLikelihood: fit.logLikelihood.at(-1)!};
    }
    if (method === "oracle") return {method, thetaY: model.theta[y].slice(), iterations: NaN, logLikelihood: NaN};
    const thetaY = method === "reg" ? fitReg(model, layout, grams) : fitRegInd(model, layout, grams);
    return {method, thetaY, iterations: NaN, logLikelihood: NaN};
  });
}

export function anmMethodLabel(id: string): string {
  return ANM_METHODS.find((m) => m.id === id)?.label ?? id;
}

export function parseAnmMethods(list: string[]): AnmMethodId[] {
  for (const m of list) if (!ANM_METHOD_IDS.includes(m as AnmMethodId)) throw new Error(`unknown method "${m}" (known: ${ANM_METHOD_IDS.join(", ")})`);
  return list as AnmMethodId[];
}
