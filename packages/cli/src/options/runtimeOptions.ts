import { Option } from 'commander';

/**
 * The options that tune the runtime a model runs on: `--tf-platform` and `--threads`.
 *
 * @returns The options, in the order the help lists them.
 */
export function runtimeOptions(): Option[] {
  return [
    new Option('--tf-platform <name>', 'the TF.js platform: wasm, cpu, node or node-gpu (default: node-gpu or node when installed, else wasm)'),
    new Option('--threads <n>', 'intra-op threads for onnxruntime, or WASM threads for TF.js, at most one per core (default: one per core)'),
  ];
}
