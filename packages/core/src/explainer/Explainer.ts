import { filter, lastValueFrom, map, Observable } from 'rxjs';
import { PolycamError } from '../errors/PolycamError.js';
import type { Fusion } from '../fusion/Fusion.js';
import type { MethodPreset } from '../methods/MethodPreset.js';
import type { WeightingStrategy } from '../weighting/WeightingStrategy.js';
import type { ExplainEvent, ExplainResultEvent } from './ExplainEvent.js';
import type { ExplainParts } from './ExplainParts.js';
import type { ExplainRequest } from './ExplainRequest.js';
import type { ExplainResult } from './ExplainResult.js';
import { runExplanation } from './runExplanation.js';

const DEFAULT_METHOD = 'pcam±';

function indexById<T extends { readonly id: string }>(kind: string, items: readonly T[]): Map<string, T> {
  const byId = new Map<string, T>();
  for (const item of items) {
    if (byId.has(item.id)) {
      throw new PolycamError('invalid-argument', `two ${kind}s are registered with the id '${item.id}'`);
    }
    byId.set(item.id, item);
  }
  return byId;
}

function pick<T>(kind: string, byId: ReadonlyMap<string, T>, id: string, known = [...byId.keys()].join(', ')): T {
  const found = byId.get(id);
  if (found === undefined) {
    throw new PolycamError('unknown-method', `unknown ${kind} '${id}' (available: ${known || 'none registered'})`);
  }
  return found;
}

/**
 * Computes explanations with the strategies, fusions and presets it was built with. Get one
 * from a container (`container.get(TOKENS.Explainer)`) after loading the modules you want, or
 * construct it directly.
 *
 * The explainer holds only its plugins; each call's state lives in that call, so one explainer
 * can serve concurrent explanations.
 *
 * @example
 * ```ts
 * const container = await createPolycamContainer(polycamModule, onnxBackendModule);
 * const explainer = container.get(TOKENS.Explainer);
 * const result = await explainer.explain({ backend, input, method: 'pcam±' });
 * console.log(result.classIndex, result.map.width, result.map.height);
 * ```
 */
export class Explainer {
  readonly #strategies: ReadonlyMap<string, WeightingStrategy>;
  readonly #fusions: ReadonlyMap<string, Fusion>;
  readonly #presets: ReadonlyMap<string, MethodPreset>;

  /**
   * @param strategies - The available weighting strategies (unique ids).
   * @param fusions - The available fusions (unique ids).
   * @param presets - The available presets (unique ids and aliases).
   * @throws {@link PolycamError} `invalid-argument` when two plugins share an id.
   */
  public constructor(
    strategies: readonly WeightingStrategy[],
    fusions: readonly Fusion[],
    presets: readonly MethodPreset[],
  ) {
    this.#strategies = indexById('weighting strategy', strategies);
    this.#fusions = indexById('fusion', fusions);
    const presetNames = new Map<string, MethodPreset>();
    for (const preset of presets) {
      for (const name of [preset.id, ...preset.aliases]) {
        if (presetNames.has(name)) {
          throw new PolycamError('invalid-argument', `two presets answer to the name '${name}'`);
        }
        presetNames.set(name, preset);
      }
    }
    this.#presets = presetNames;
  }

  /**
   * The registered presets, each once.
   *
   * @returns The presets in registration order.
   */
  public presets(): MethodPreset[] {
    return [...new Set(this.#presets.values())];
  }

  /**
   * The registered weighting strategies.
   *
   * @returns The strategies in registration order.
   */
  public strategies(): WeightingStrategy[] {
    return [...this.#strategies.values()];
  }

  /**
   * The registered fusions.
   *
   * @returns The fusions in registration order.
   */
  public fusions(): Fusion[] {
    return [...this.#fusions.values()];
  }

  /**
   * Resolves a request's method, strategy and fusion ids to plugins.
   *
   * @param request - The method (preset id or alias) and optional overrides.
   * @returns The preset, strategy and fusion that would run.
   * @throws {@link PolycamError} `unknown-method` for an id that is not registered.
   */
  public resolve(request: Pick<ExplainRequest, 'method' | 'strategy' | 'fusion'>): ExplainParts {
    const names = this.presets().map((preset) => (preset.aliases.length > 0 ? `${preset.id} (${preset.aliases.join(', ')})` : preset.id));
    const preset = pick('method', this.#presets, request.method ?? DEFAULT_METHOD, names.join(', '));
    return {
      preset,
      strategy: pick('weighting strategy', this.#strategies, request.strategy ?? preset.strategy),
      fusion: pick('fusion', this.#fusions, request.fusion ?? preset.fusion),
    };
  }

  /**
   * Explains one image as a stream of typed events: `started`, then `progress` and `layer`
   * events, then one `result`. Nothing runs until you subscribe; unsubscribing aborts the work
   * (the backend stops at its next batch).
   *
   * @param request - What to explain, and how.
   * @returns A cold Observable of {@link ExplainEvent}s; it errors with a {@link PolycamError}.
   */
  public explain$(request: ExplainRequest): Observable<ExplainEvent> {
    return new Observable<ExplainEvent>((subscriber) => {
      const controller = new AbortController();
      const forwardAbort = (): void => controller.abort(request.signal?.reason);
      if (request.signal?.aborted) {
        forwardAbort();
      }
      request.signal?.addEventListener('abort', forwardAbort, { once: true });
      const release = (): void => request.signal?.removeEventListener('abort', forwardAbort);
      Promise.resolve()
        .then(() => runExplanation(request, this.resolve(request), controller.signal, (event) => subscriber.next(event)))
        .then(
          (result) => {
            subscriber.next({ type: 'result', result });
            subscriber.complete();
          },
          (error: unknown) => subscriber.error(error),
        )
        .finally(release);
      return () => {
        release();
        controller.abort();
      };
    });
  }

  /**
   * Explains one image and resolves with the result only.
   *
   * @param request - What to explain, and how.
   * @returns The finished explanation.
   * @throws {@link PolycamError} for bad input, a missing capability, cancellation or a
   *   runtime failure.
   */
  public explain(request: ExplainRequest): Promise<ExplainResult> {
    return lastValueFrom(
      this.explain$(request).pipe(
        filter((event): event is ExplainResultEvent => event.type === 'result'),
        map((event) => event.result),
      ),
    );
  }
}
