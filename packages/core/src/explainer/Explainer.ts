import { filter, lastValueFrom, map, Observable } from 'rxjs';
import type { AttributionMethod } from '../attribution/AttributionMethod.js';
import type { PassBudgetRule } from '../budget/PassBudgetRule.js';
import { PolycamError } from '../errors/PolycamError.js';
import type { Fusion } from '../fusion/Fusion.js';
import type { MethodPreset } from '../methods/MethodPreset.js';
import type { MethodSummary } from '../methods/MethodSummary.js';
import { builtInTargets } from '../target/builtInTargets.js';
import type { TargetPlugin } from '../target/TargetPlugin.js';
import type { WeightingStrategy } from '../weighting/WeightingStrategy.js';
import type { ExplainEvent, ExplainResultEvent } from './ExplainEvent.js';
import type { ExplainParts } from './ExplainParts.js';
import type { ExplainPlan } from './ExplainPlan.js';
import type { ExplainRequest } from './ExplainRequest.js';
import type { ExplainResult } from './ExplainResult.js';
import type { ExplainerOptions } from './ExplainerOptions.js';
import { prepareExplanation } from './prepareExplanation.js';
import type { PreparedExplanation } from './PreparedExplanation.js';
import { runAttributionExplanation } from './runAttributionExplanation.js';
import { runCamExplanation } from './runCamExplanation.js';

const DEFAULT_METHOD = 'pcam±';

function indexById<T extends { readonly id: string }>(kind: string, items: readonly T[]): Map<string, T> {
  const byId = new Map<string, T>();
  for (const item of items) {
    if (byId.has(item.id)) {
      throw new PolycamError('invalid-plugin', `two ${kind}s are registered with the id '${item.id}'`);
    }
    byId.set(item.id, item);
  }
  return byId;
}

function indexByName<T extends { readonly id: string; readonly aliases: readonly string[] }>(
  kind: string,
  items: readonly T[],
  taken: ReadonlyMap<string, unknown> = new Map(),
): Map<string, T> {
  const byName = new Map<string, T>();
  for (const item of items) {
    for (const name of [item.id, ...item.aliases]) {
      if (byName.has(name) || taken.has(name)) {
        throw new PolycamError('invalid-plugin', `two ${kind}s answer to the name '${name}'`);
      }
      byName.set(name, item);
    }
  }
  return byName;
}

/** Picks the runner for the plan's kind. */
function run(prepared: PreparedExplanation, signal: AbortSignal, emit: (event: ExplainEvent) => void): Promise<ExplainResult> {
  const { plan } = prepared;
  return plan.kind === 'cam'
    ? runCamExplanation({ ...prepared, plan }, signal, emit)
    : runAttributionExplanation({ ...prepared, plan }, signal, emit);
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
  readonly #attributions: ReadonlyMap<string, AttributionMethod>;
  readonly #budgetRules: ReadonlyMap<string, PassBudgetRule>;
  readonly #targets: ReadonlyMap<string, TargetPlugin>;

  /**
   * @param options - The plugins: strategies, fusions, presets, attribution methods,
   *   pass-budget rules and target kinds, each list empty unless given; the built-in target
   *   kinds are always registered, before the given ones.
   * @throws {@link PolycamError} `invalid-argument` when two plugins share an id or a name.
   */
  public constructor(options: ExplainerOptions = {}) {
    this.#strategies = indexById('weighting strategy', options.strategies ?? []);
    this.#fusions = indexById('fusion', options.fusions ?? []);
    this.#presets = indexByName('preset', options.presets ?? []);
    this.#attributions = indexByName('method', options.attributions ?? [], this.#presets);
    this.#budgetRules = indexById('pass-budget rule', options.budgetRules ?? []);
    this.#targets = indexById('target', [...builtInTargets(), ...(options.targets ?? [])]);
  }

  /**
   * The target kinds a request can name in {@link ExplainRequest.target}: the built-in ones
   * (`class`, `segmentation`, `embedding`, `detection`), then the plugins'.
   *
   * @returns The target plugins in registration order.
   */
  public targets(): TargetPlugin[] {
    return [...this.#targets.values()];
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
   * The registered pixel-attribution methods, each once.
   *
   * @returns The attribution methods in registration order.
   */
  public attributionMethods(): AttributionMethod[] {
    return [...new Set(this.#attributions.values())];
  }

  /**
   * Every method a request can name: the presets, then the attribution methods, each with what
   * it requires of a backend.
   *
   * @returns The methods in registration order.
   */
  public methods(): MethodSummary[] {
    const presets = this.presets().map((preset): MethodSummary => ({
      id: preset.id,
      aliases: preset.aliases,
      kind: 'preset',
      description: preset.description,
      requires: this.#strategies.get(preset.strategy)?.requires ?? [],
    }));
    const attributions = this.attributionMethods().map((method): MethodSummary => ({
      id: method.id,
      aliases: method.aliases,
      kind: 'attribution',
      description: method.description,
      requires: method.requires,
    }));
    return [...presets, ...attributions];
  }

  /**
   * Finds a method by id or alias, among presets and attribution methods.
   *
   * @param name - The id or alias; default `pcam±`.
   * @returns Its summary.
   * @throws {@link PolycamError} `unknown-method` for a name that is not registered.
   */
  public method(name: string = DEFAULT_METHOD): MethodSummary {
    const found = this.methods().find((method) => method.id === name || method.aliases.includes(name));
    if (found === undefined) {
      throw new PolycamError('unknown-method', `unknown method '${name}' (available: ${this.#methodNames() || 'none registered'})`);
    }
    return found;
  }

  #methodNames(): string {
    return this.methods()
      .map((method) => (method.aliases.length > 0 ? `${method.id} (${method.aliases.join(', ')})` : method.id))
      .join(', ');
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
   * The registered pass-budget rules (what `maxPasses` spends below the exact count).
   *
   * @returns The rules in registration order.
   */
  public budgetRules(): PassBudgetRule[] {
    return [...this.#budgetRules.values()];
  }

  /**
   * Resolves a request's preset, strategy and fusion ids to plugins. An attribution method has
   * no strategy or fusion: use {@link Explainer.method} to look up any method.
   *
   * @param request - The method (preset id or alias) and optional overrides.
   * @returns The preset, strategy and fusion that would run.
   * @throws {@link PolycamError} `unknown-method` for an id that is not a registered preset,
   *   strategy or fusion.
   */
  public resolve(request: Pick<ExplainRequest, 'method' | 'strategy' | 'fusion'>): ExplainParts {
    const preset = pick('method', this.#presets, request.method ?? DEFAULT_METHOD, this.#methodNames());
    return {
      preset,
      strategy: pick('weighting strategy', this.#strategies, request.strategy ?? preset.strategy),
      fusion: pick('fusion', this.#fusions, request.fusion ?? preset.fusion),
    };
  }

  #plan(request: ExplainRequest): ExplainPlan {
    const attribution = this.#attributions.get(request.method ?? DEFAULT_METHOD);
    if (attribution === undefined) {
      return { kind: 'cam', parts: this.resolve(request) };
    }
    if (request.strategy !== undefined || request.fusion !== undefined) {
      throw new PolycamError(
        'invalid-argument',
        `method '${attribution.id}' scores pixels directly; it takes no weighting strategy or fusion`,
      );
    }
    return { kind: 'attribution', method: attribution };
  }

  /**
   * Checks a request without running anything: resolves its method, then checks that the
   * backend has what the method requires, the input is one image of the model's size, the batch
   * size is a positive integer, the pass budget (if any) is valid for the method, the layers
   * exist, and the target's kind is registered and its options fit the model's output (the
   * plugin's {@link TargetPlugin.check}; the class is one of the model's outputs).
   * Prepare every request of a batch of images first to fail before the first forward pass.
   *
   * @param request - What to explain, and how.
   * @returns The prepared explanation, which `explain()` and `explain$()` accept in place of
   *   the request.
   * @throws {@link PolycamError} `unknown-method`, `unsupported-capability`,
   *   `invalid-argument`, `unknown-layer` or `class-out-of-range`, or what a target's `check` throws.
   */
  public prepare(request: ExplainRequest): PreparedExplanation {
    return prepareExplanation(request, this.#plan(request), this.#budgetRules, this.#targets);
  }

  /**
   * Explains one image as a stream of typed events: `started`, then `progress` and `layer`
   * events, then one `result`. Nothing runs until you subscribe; unsubscribing aborts the work
   * (the backend stops at its next batch).
   *
   * @param request - What to explain, and how, or a request already prepared by
   *   {@link Explainer.prepare}.
   * @returns A cold Observable of {@link ExplainEvent}s; it errors with a {@link PolycamError}.
   */
  public explain$(request: ExplainRequest | PreparedExplanation): Observable<ExplainEvent> {
    return new Observable<ExplainEvent>((subscriber) => {
      const { signal } = 'plan' in request ? request.request : request;
      const controller = new AbortController();
      const forwardAbort = (): void => controller.abort(signal?.reason);
      if (signal?.aborted) {
        forwardAbort();
      }
      signal?.addEventListener('abort', forwardAbort, { once: true });
      const release = (): void => signal?.removeEventListener('abort', forwardAbort);
      const emit = (event: ExplainEvent): void => subscriber.next(event);
      Promise.resolve()
        .then(() => run('plan' in request ? request : this.prepare(request), controller.signal, emit))
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
   * @param request - What to explain, and how, or a request already prepared by
   *   {@link Explainer.prepare}.
   * @returns The finished explanation.
   * @throws {@link PolycamError} for bad input, a missing capability, cancellation or a
   *   runtime failure.
   */
  public explain(request: ExplainRequest | PreparedExplanation): Promise<ExplainResult> {
    return lastValueFrom(
      this.explain$(request).pipe(
        filter((event): event is ExplainResultEvent => event.type === 'result'),
        map((event) => event.result),
      ),
    );
  }
}
