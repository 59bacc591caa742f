// @ts-check
/**
 * A local typedoc plugin: typedoc's `notDocumented` validation only asks for a summary, so this
 * adds what the house style asks of every documented function, method and constructor: a
 * description of each parameter (`@param`) and, unless it returns nothing, of the result
 * (`@returns`). A gap is a warning, which `treatWarningsAsErrors` turns into a failed build.
 */
import { Application, ReflectionKind } from 'typedoc';

/** Return types that need no `@returns`. */
const NOTHING = new Set(['void', 'undefined', 'never', 'Promise<void>', 'Promise<undefined>']);

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
        if (signature.inheritedFrom && !signature.comment) continue;
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
