// A `pattern` every generator's regex engine reads alike: ECMA-262 (TypeScript), PCRE2
// (PHP), Go's RE2, Java and Python. openapi-generator's PHP client failed every decode on
// `\u0000` (PCRE2 has no \u escape); `\xHH` means the same in all five.
const NOT_PORTABLE = [
  [/\\u[0-9A-Fa-f{]/, "a \\u escape (PCRE2 has none): write \\xHH"],
  [/\\[pP]\{/, "a Unicode property class \\p{...} (RE2 and ECMA-262 without /u differ)"],
  [/\(\?<[=!]/, "a lookbehind (RE2 has none)"],
  [/\(\?[=!]/, "a lookahead (RE2 has none)"],
  [/\(\?>/, "an atomic group (ECMA-262 and RE2 have none)"],
  [/[*+?}]\+/, "a possessive quantifier (ECMA-262 and RE2 have none)"],
  [/\(\?[a-zA-Z]+[:)]/, "inline flags (ECMA-262 has none)"],
  [/\(\?P?</, "a named group (the engines spell it differently)"],
  [/\\[AZzG]/, "an anchor ECMA-262 lacks (\\A, \\Z, \\z, \\G): use ^ and $"],
];

export default (input) => {
  if (typeof input !== "string") {
    return [{ message: "A pattern must be a string." }];
  }
  const found = NOT_PORTABLE.filter(([syntax]) => syntax.test(input)).map(([, why]) => why);
  try {
    new RegExp(input, "u");
  } catch (error) {
    found.push(`it does not compile as ECMA-262 (${error.message})`);
  }
  return found.map((why) => ({ message: `Not portable across generators: ${why}.` }));
};
