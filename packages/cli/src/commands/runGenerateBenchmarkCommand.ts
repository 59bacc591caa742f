import { generateDataset } from '@polycam/synthetic';
import type { CliIo } from '../CliIo.js';
import { parseInteger } from '../options/parseInteger.js';
import { createProgressReporter } from '../progress/createProgressReporter.js';
import type { GenerateBenchmarkOptions } from './GenerateBenchmarkOptions.js';

/**
 * `polycam generate-benchmark`: writes the seeded synthetic benchmark (images, one mask per
 * object, `manifest.json`) into a folder.
 *
 * @param options - The folder, seed, size, class count and split sizes.
 * @param io - Streams.
 * @returns When every file is written.
 * @throws {@link PolycamError} `invalid-argument` for impossible parameters.
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
