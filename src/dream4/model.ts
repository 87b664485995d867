/**
 * GeneNetWeaver's gene-network model (notes/dream4-gnw.md §1-2), as read from its SBML file.
 * Each gene i has mRNA x_i and protein y_i:
 *   dx_i/dt = m_i f_i(y) - δ_i x_i,    dy_i/dt = r_i x_i - λ_i y_i,
 * where f_i is the "all states" mixture of its regulatory modules' activations (regulation.ts).
 */

/** One regulatory module: its inputs are activators first, then deactivators. */
export interface GnwModule {
  /** bindsAsComplex_j = 1: activators bind as a complex (three-state module) */
  complex: boolean;
  /** A_j */
  activators: number;
  /** D_j */
  deactivators: number;
  /** gene indices (0-based) of the module's inputs, activators first */
  inputs: number[];
  /** dissociation constants of those inputs (k_l of the gene, in the same order) */
  k: number[];
  /** Hill coefficients of those inputs */
  n: number[];
}

export interface GnwGene {
  name: string;
  /** m_i: maximum transcription rate (SBML `max`) */
  max: number;
  /** δ_i: mRNA degradation rate (SBML `delta` of the degradation reaction) */
  delta: number;
  /** r_i: translation rate (SBML `maxTranslation`) */
  translation: number;
  /** λ_i: protein degradation rate (SBML `deltaProtein`) */
  proteinDelta: number;
  /** gene indices of all inputs in modifier order (the modules slice this list) */
  inputs: number[];
  modules: GnwModule[];
  /** α_s, s = 0..2^M - 1; bit j-1 of s says whether module j is active */
  alpha: number[];
}

export interface GnwModel {
  /** the SBML model name */
  id: string;
  genes: GnwGene[];
}

/** The gene names of a model, in order. */
export const geneNames = (model: GnwModel): string[] => model.genes.map((g) => g.name);

/** The signed edges of a model: an input is enhancing (+) when it is an activator of an enhancer module or a deactivator of a repressor module (§1). */
export function signedEdges(model: GnwModel): {from: string; to: string; sign: "+" | "-"}[] {
  const edges: {from: string; to: string; sign: "+" | "-"}[] = [];
  for (const gene of model.genes)
    gene.modules.forEach((module, j) => {
      const repressor = gene.alpha[1 << j] < gene.alpha[0];
      module.inputs.forEach((input, l) => {
        const activator = l < module.activators;
        edges.push({from: model.genes[input].name, to: gene.name, sign: activator !== repressor ? "+" : "-"});
      });
    });
  return edges;
}
