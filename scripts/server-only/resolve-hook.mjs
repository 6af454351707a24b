// Module resolve hook loaded by register.mjs: `server-only` resolves as in a React Server
// Components bundle (its "react-server" export, an empty module); everything else is untouched.
export async function resolve(specifier, context, nextResolve) {
  if (specifier !== "server-only") return nextResolve(specifier, context);
  return nextResolve(specifier, {
    ...context,
    conditions: [...context.conditions, "react-server"],
  });
}
