import { generateDataset } from '@polycam/synthetic';
import type { CliIo } from '../CliIo.js';
import { parseInteger } from '../options/parseInteger.js';
import { createProgressReporter } from '../progress/createProgressReporter.js';
import type { GenerateBenchmarkOptions } from './GenerateBenchmarkOptions.js';

/**
 * `polycam generate-benchmark`: writes the seeded synthetic benchmark (images, one mask per
 * object, `manifest.json`) into a new folder, which appears only once complete.
 *
 * @param options - The folder, seed, size, class count and split sizes.
 * @param io - Streams and the cancellation signal, which stops the generation and removes what
 *   it wrote.
 * @returns When every file is written.
 * @throws {@link PolycamError} `invalid-argument` for impossible parameters or a folder that is
 *   not empty, `aborted` when cancelled.
 */
export async function runGenerateBenchmarkCommand(options: GenerateBenchmarkOptions, io: CliIo): Promise<void> {
  const count = (flag: string, text: string): number => parseInteger(flag, text, 0);
  const progress = createProgressReporter(io.stderr);
  try {
    const manifest = await generateDataset({
      folder: options.out,
      seed: parseInteger('--seed', options.seed, 0),
      size: parseInteger('--size', options.size, 1),
      classes: parseInteger('--classes', options.classes, 0),
      splits: {
        train: { single: count('--train', options.train), pair: 0 },
        validation: { single: count('--validation', options.validation), pair: count('--validation-pairs', options.validationPairs) },
        test: { single: count('--test', options.test), pair: count('--test-pairs', options.testPairs) },
      },
      ...(io.signal ? { signal: io.signal } : {}),
      onImage: (done, total) => {
        if (done === 1) progress.start('generating', total);
        progress.update(done);
      },
    });
    progress.stop();
    const sizes = Object.entries(manifest.splits).map(([split, images]) => `${images.length} ${split}`);
    io.stdout.write(`wrote ${sizes.join(', ')} images of ${manifest.classes.length} classes to ${options.out}\n`);
  } finally {
    progress.stop();
  }
}
