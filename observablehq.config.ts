// Observable Framework configuration. Everything the site needs is bundled from node_modules,
// so the build and the published site make no request beyond the local server.
export default {
  root: "docs",
  title: "Joint Effects Lab",
  pages: [
    {name: "Joint effects from single interventions", path: "/"},
    {name: "Your data", path: "/your-data"},
    {name: "Claims of both papers, checked", path: "/claims"},
    {
      name: "Theory",
      open: true,
      pages: [
        {name: "Not identified in general", path: "/non-identifiability"},
        {name: "Identifiability, step by step", path: "/identifiability"},
        {name: "Fit the estimator yourself", path: "/estimator-fit"},
      ],
    },
    {
      name: "Kekić et al. (ICML 2025)",
      open: true,
      pages: [
        {name: "How much single-intervention data? (Fig. 2b, B)", path: "/ratio"},
        {name: "The price of no joint data (Fig. 2c, A)", path: "/convergence"},
        {name: "Beyond the paper", path: "/beyond-the-paper"},
        {name: "When the assumptions fail", path: "/assumptions"},
      ],
    },
    {
      name: "Saengkyongam & Silva (UAI 2020)",
      open: true,
      pages: [
        {name: "Gaussian additive noise models", path: "/anm-model"},
        {name: "Fit the joint likelihood yourself", path: "/anm-estimator"},
        {name: "Consistency (Fig. 2)", path: "/anm-consistency"},
        {name: "Sampling distributions (Fig. 3)", path: "/anm-parameters"},
        {name: "A gene network (Fig. 4)", path: "/anm-network"},
        {name: "Uncertainty (Fig. 5)", path: "/anm-uncertainty"},
        {name: "Each method on the other's world", path: "/anm-comparison"},
      ],
    },
  ],
  style: "style.css",
  globalStylesheets: [],
  head: '<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 viewBox=%220 0 16 16%22%3E%3Ccircle cx=%228%22 cy=%228%22 r=%226%22 fill=%22%234e79a7%22/%3E%3C/svg%3E">',
  footer: "Joint Effects Lab — reproducing Kekić, Garrido Mejia &amp; Schölkopf (ICML 2025) and Saengkyongam &amp; Silva (UAI 2020).",
  search: false,
  linkify: true,
};
