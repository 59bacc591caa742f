// @ts-check
/**
 * A local typedoc plugin: typedoc's `notDocumented` validation only asks for a summary, so this
 * adds what the house style asks of every documented function, method and constructor: a
 * description of each parameter (`@param`) and, unless it returns nothing, of the result
 * (`@returns`). A gap is a warning, which `treatWarningsAsErrors` turns into a failed build.
 * A member that implements, overrides or inherits a documented member (a strategy's
 * `computeWeights`, a fusion's `fuse`) needs no tags of its own: typedoc copies the documented
 * member's comment when it has none, and its own comment may say only what it adds.
 */
import { Application, ReflectionKind } from 'typedoc';

/** Return types that need no `@returns`. */
const NOTHING = new Set(['void', 'undefined', 'never', 'Promise<void>', 'Promise<undefined>']);

/**
 * @param {import('typedoc').SignatureReflection} signature - A function, method or constructor signature.
 * @returns Whether it implements, overrides or inherits a documented member: one with a comment
 *   in this project, or one of another package (`@polycam/core`'s `WeightingStrategy`, say),
 *   which that package's own run of this check documents.
 */
function inheritsDocumentation(signature) {
  return [signature.implementationOf, signature.overwrites, signature.inheritedFrom].some((reference) => {
    if (reference === undefined) return false;
    const source = reference.reflection;
    return source === undefined || source.hasComment() || source.parent?.hasComment() === true;
  });
}

/**
 * @param {import('typedoc').Application} app - The typedoc application.
 */
export function load(app) {
  app.on(Application.EVENT_VALIDATE_PROJECT, (project) => {
    const owners = project.getReflectionsByKind(ReflectionKind.Function | ReflectionKind.Method | ReflectionKind.Constructor);
    for (const owner of owners) {
      if (!('signatures' in owner) || !owner.signatures) continue;
      if (owner.flags.isExternal || owner.flags.isPrivate) continue;
      for (const signature of owner.signatures) {
        if ((signature.inheritedFrom && !signature.comment) || inheritsDocumentation(signature)) continue;
        const where = signature.getFriendlyFullName();
        for (const parameter of signature.parameters ?? []) {
          if (!parameter.hasComment()) {
            app.logger.warn(`${where}: parameter '${parameter.name}' has no @param description`);
          }
        }
        if (owner.kindOf(ReflectionKind.Constructor)) continue;
        const returned = signature.type?.toString() ?? 'void';
        if (!NOTHING.has(returned) && !signature.comment?.getTag('@returns')) {
          app.logger.warn(`${where}: returns ${returned} but has no @returns description`);
        }
      }
    }
  });
}
