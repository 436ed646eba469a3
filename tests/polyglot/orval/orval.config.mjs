// orval's configuration for the quickstart (tests/polyglot/test_typescript.py runs
// `orval --config` on it). orval ignores the spec's servers and its security schemes, so the
// base URL, the token and X-Org-Id go through a custom fetch, which is orval's documented
// way (`override.mutator`): see fetch.ts.
export default {
  projekt: {
    input: "../../../openapi.yaml",
    output: {
      target: "../../../build/polyglot/orval/projekt.ts",
      client: "fetch",
      override: { mutator: { path: "./fetch.ts", name: "projektFetch" } },
    },
  },
};
