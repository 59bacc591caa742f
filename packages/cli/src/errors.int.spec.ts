import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  listTree,
  makeTempDir,
  runCli,
  TextCollector,
  writeFlatModel,
  writeGreyModel,
  writeNanModel,
  writePng,
  writeTinyModel,
  type CliRun,
  type TempDir,
} from './cli.testkit.js';

// Every bad input: a non-zero exit, exactly one line on stderr that starts with `polycam: ` and
// names the problem, nothing on stdout, and no file at all in the output folder or next to the
// npz path, not even a temporary one.

let dir: TempDir;
let model: string;
let image: string;
let other: string;
let caseNumber = 0;

beforeAll(async () => {
  dir = await makeTempDir();
  model = await writeTinyModel(dir.at('tiny.onnx'));
  image = await writePng(dir.at('wide.png'), 40, 24, 3, 1);
  other = await writePng(dir.at('second.png'), 32, 32, 3, 2);
});

afterAll(async () => {
  await dir?.remove();
});

/** Fresh, empty folders for one case's `--out` and `--npz`. */
async function outputs(): Promise<{ out: string; npzFolder: string; npz: string; args: string[] }> {
  caseNumber += 1;
  const out = dir.at(`case-${caseNumber}`, 'out');
  const npzFolder = dir.at(`case-${caseNumber}`, 'npz');
  await mkdir(out, { recursive: true });
  await mkdir(npzFolder, { recursive: true });
  const npz = `${npzFolder}/maps.npz`;
  return { out, npzFolder, npz, args: ['--out', out, '--npz', npz] };
}

function expectOneErrorLine(run: CliRun, pattern: RegExp, code: number): void {
  expect(run.code, run.stderr).toBe(code);
  const lines = run.stderr.split('\n');
  expect(lines, run.stderr).toHaveLength(2);
  expect(lines[1]).toBe('');
  expect(lines[0]).toMatch(/^polycam: /);
  expect(lines[0]).toMatch(pattern);
  expect(run.stdout).toBe('');
}

/** Runs `polycam explain <images> --model <model> <extra> --out … --npz …` and checks the failure. */
async function expectExplainFailure(
  images: readonly string[],
  modelPath: string,
  extra: readonly string[],
  pattern: RegExp,
  code = 1,
): Promise<CliRun> {
  const target = await outputs();
  const run = await runCli(['explain', ...images, '--model', modelPath, ...extra, ...target.args]);
  expectOneErrorLine(run, pattern, code);
  expect(await listTree(target.out)).toEqual([]);
  expect(await listTree(target.npzFolder)).toEqual([]);
  return run;
}

describe('polycam explain rejects bad images', () => {
  it('a missing image, by name', async () => {
    await expectExplainFailure([dir.at('nowhere.png')], model, [], /nowhere\.png' does not exist/);
  });

  it('a directory given as an image', async () => {
    await mkdir(dir.at('folder.png'));
    await expectExplainFailure([dir.at('folder.png')], model, [], /folder\.png' is not a file/);
  });

  it.skipIf(process.getuid?.() === 0)('an unreadable image (not testable as root)', async () => {
    const locked = await writePng(dir.at('locked.png'), 8, 8);
    const { chmod } = await import('node:fs/promises');
    await chmod(locked, 0o000);
    await expectExplainFailure([locked], model, [], /locked\.png' cannot be read/);
  });

  it('a text file named .png', async () => {
    await writeFile(dir.at('notes.png'), 'not an image at all\n');
    await expectExplainFailure([dir.at('notes.png')], model, [], /notes\.png' is not a readable image/);
  });

  it('a truncated PNG', async () => {
    const bytes = await readFile(image);
    await writeFile(dir.at('cut.png'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectExplainFailure([dir.at('cut.png')], model, [], /cut\.png' is not a readable image/);
  });

  it('a corrupt second image, before anything is written for the first', async () => {
    await writeFile(dir.at('broken.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
    await expectExplainFailure([image, dir.at('broken.jpg')], model, [], /broken\.jpg' is not a readable image/);
  });

  it('two images with the same file name when --npz keys maps by it', async () => {
    await mkdir(dir.at('elsewhere'));
    const twin = await writePng(dir.at('elsewhere', 'wide.png'), 16, 16);
    await expectExplainFailure([image, twin], model, [], /would both write the npz key 'wide\.png'/);
  });
});

describe('polycam explain rejects bad models', () => {
  it('a missing model, by name', async () => {
    await expectExplainFailure([image], dir.at('missing.onnx'), [], /missing\.onnx' does not exist/);
  });

  it('a corrupt model', async () => {
    await writeFile(dir.at('garbage.onnx'), 'this is not protobuf');
    await expectExplainFailure([image], dir.at('garbage.onnx'), [], /garbage\.onnx' is not a usable ONNX model/);
  });

  it('a truncated model', async () => {
    const bytes = await readFile(model);
    await writeFile(dir.at('half.onnx'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expectExplainFailure([image], dir.at('half.onnx'), [], /half\.onnx' is not a usable ONNX model/);
  });

  it('an empty model file', async () => {
    await writeFile(dir.at('empty.onnx'), '');
    await expectExplainFailure([image], dir.at('empty.onnx'), [], /empty\.onnx' is empty/);
  });

  it('a directory without a model extension given as the model, named', async () => {
    await mkdir(dir.at('models'));
    await expectExplainFailure([image], dir.at('models'), [], /no loaded backend module can load model '.*models' \(available: onnx, tfjs\)/);
  });

  it('a directory given as the model', async () => {
    await mkdir(dir.at('folder.onnx'));
    await expectExplainFailure([image], dir.at('folder.onnx'), [], /folder\.onnx' is a directory/);
  });

  it('a model whose outputs are NaN, naming the image and the pass', async () => {
    const nan = await writeNanModel(dir.at('nan.onnx'));
    await expectExplainFailure([image, other], nan, [], /wide\.png.*model output NaN for class \d on the unmasked pass/);
  });

  it('a model with no spatial layer', async () => {
    const flat = await writeFlatModel(dir.at('flat.onnx'));
    await expectExplainFailure([image], flat, [], /no spatial layer/);
  });
});

describe('polycam explain rejects bad options', () => {
  it('a layer name that does not exist, listing the nearest that do', async () => {
    await expectExplainFailure(
      [image],
      model,
      ['--layers', '/features/features.4/Relu_outpt_0'],
      /'\/features\/features\.4\/Relu_outpt_0' does not exist; nearest: \/features\/features\.4\/Relu_output_0/,
    );
  });

  it('a layer that is not spatial', async () => {
    await expectExplainFailure([image], model, ['--layers', '/Flatten_output_0'], /'\/Flatten_output_0' is not spatial/);
  });

  it('an empty layer list', async () => {
    await expectExplainFailure([image], model, ['--layers', ','], /--layers expects/);
  });

  it('a class index out of range', async () => {
    await expectExplainFailure([image], model, ['--class', '4'], /--class 4 is out of range.*4 classes/);
  });

  it.each([['-1'], ['abc'], ['1.5']])('--class %s', async (value) => {
    await expectExplainFailure([image], model, ['--class', value], new RegExp(`--class expects an integer .*'${value.replace('.', '\\.')}'`));
  });

  it('an unknown method, listing the known ones', async () => {
    await expectExplainFailure([image], model, ['--method', 'pcamx'], /unknown method 'pcamx' \(available: .*pcam±/);
  });

  it('--batch-size 0', async () => {
    await expectExplainFailure([image], model, ['--batch-size', '0'], /--batch-size expects an integer of at least 1, got '0'/);
  });

  it('--threads 0', async () => {
    await expectExplainFailure([image], model, ['--threads', '0'], /--threads expects an integer of at least 1/);
  });

  it('--mean with two values for an RGB model', async () => {
    await expectExplainFailure([image], model, ['--mean', '1,2'], /--mean has 2 values but the model's input has 3 channels/);
  });

  it('--std with four values for an RGB model', async () => {
    await expectExplainFailure([image], model, ['--std', '0.1,0.2,0.3,0.4'], /--std has 4 values/);
  });

  it('--mean that is not a list of numbers', async () => {
    await expectExplainFailure([image], model, ['--mean', '0.5,x,0.5'], /--mean expects comma-separated numbers/);
  });

  it('a zero or negative --std', async () => {
    await expectExplainFailure([image], model, ['--std', '0,1,1'], /--std values must be non-zero/);
    await expectExplainFailure([image], model, ['--std=-1,1,1'], /--std values must be non-zero and positive, got -1,1,1/);
  });

  it('a greyscale model without --mean (ImageNet statistics are RGB)', async () => {
    const grey = await writeGreyModel(dir.at('grey.onnx'));
    await expectExplainFailure([image], grey, [], /1 channel; give --mean with 1 value/);
  });

  it('an unknown --score', async () => {
    await expectExplainFailure([image], model, ['--score', 'probit'], /--score expects softmax, sigmoid or identity, got 'probit'/);
  });

  it('an unknown option (a usage error, exit code 2)', async () => {
    await expectExplainFailure([image], model, ['--bogus'], /unknown option '--bogus'/, 2);
  });

  it('an unknown --fusion (an invalid value, exit code 1)', async () => {
    await expectExplainFailure([image], model, ['--fusion', 'xyz'], /'xyz' is invalid/);
  });

  it('an unknown --layout (an invalid value, exit code 1)', async () => {
    await expectExplainFailure([image], model, ['--layout', 'NWHC'], /--layout .*'NWHC' is invalid/);
  });

  it('no image (a usage error, exit code 2)', async () => {
    const run = await runCli(['explain', '--model', model]);
    expectOneErrorLine(run, /missing required argument 'images'/, 2);
  });

  // commander adds "(Did you mean --batch-size?)" on a second line; the CLI joins it.
  it('a misspelt option, in one line', async () => {
    await expectExplainFailure([image], model, ['--batch-sise', '3'], /unknown option '--batch-sise'/, 2);
  });

  it('an unknown command, in one line', async () => {
    expectOneErrorLine(await runCli(['explian', image]), /unknown command 'explian'/, 2);
  });

  it('an unknown command names it and suggests the right one (exit code 2)', async () => {
    const run = await runCli(['explian', image]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^polycam: error: unknown command 'explian' \(Did you mean explain\?\)\n$/);
  });
});

describe('polycam explain fails cleanly for other reasons', () => {
  it('is cancelled by its signal before it starts, with one line and no file', async () => {
    const target = await outputs();
    const controller = new AbortController();
    controller.abort();
    const run = await runCli(['explain', image, '--model', model, ...target.args], { signal: controller.signal });
    expectOneErrorLine(run, /^polycam: cancelled: /, 1);
    expect(await listTree(target.out)).toEqual([]);
    expect(await listTree(target.npzFolder)).toEqual([]);
  });

  it('reports an --out path that is a file in one line and leaves nothing behind', async () => {
    await writeFile(dir.at('taken'), 'x');
    const run = await runCli(['explain', image, '--model', model, '--out', dir.at('taken')]);
    expectOneErrorLine(run, /--out '.*taken' is a file/, 1);
    expect(await readFile(dir.at('taken'), 'utf8')).toBe('x');
    expect((await listTree(dir.path)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('leaves no --out file when the npz cannot be written at the end', async () => {
    const target = await outputs();
    await writeFile(dir.at('plain-file'), 'x');
    const run = await runCli(['explain', image, '--model', model, '--out', target.out, '--npz', dir.at('plain-file', 'maps.npz')]);
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')).toHaveLength(2);
    expect(await listTree(target.out)).toEqual([]);
  });

  it('refuses an --npz under a file before the first pass, naming the path, and creates no --out folder', async () => {
    caseNumber += 1;
    const out = dir.at(`case-${caseNumber}`, 'fresh', 'out');
    await mkdir(dir.at(`case-${caseNumber}`));
    await writeFile(dir.at(`case-${caseNumber}`, 'file.txt'), 'x');
    const npz = dir.at(`case-${caseNumber}`, 'file.txt', 'sub', 'maps.npz');
    const run = await runCli(['explain', image, '--model', model, '--out', out, '--npz', npz]);
    expectOneErrorLine(run, /--npz .*file\.txt.* is a file/, 1);
    expect(await listTree(dir.at(`case-${caseNumber}`))).toEqual(['file.txt']);
  });

  it('refuses an --out folder under a file in words, creating nothing', async () => {
    caseNumber += 1;
    await mkdir(dir.at(`case-${caseNumber}`));
    await writeFile(dir.at(`case-${caseNumber}`, 'file.txt'), 'x');
    const run = await runCli(['explain', image, '--model', model, '--out', dir.at(`case-${caseNumber}`, 'file.txt', 'sub')]);
    expectOneErrorLine(run, /--out .*file\.txt.* is a file/, 1);
    expect(run.stderr).not.toMatch(/E[A-Z]{3,}/);
    expect(await listTree(dir.at(`case-${caseNumber}`))).toEqual(['file.txt']);
  });

  it('refuses, before the first pass, an --out file whose place is a folder', async () => {
    const target = await outputs();
    await mkdir(`${target.out}/second-pcampm.json`);
    // A terminal's stderr: a progress bar would show if a pass had run.
    const run = await runCli(['explain', image, other, '--model', model, ...target.args], { stderr: new TextCollector({ columns: 120 }) });
    expectOneErrorLine(run, /cannot write '.*second-pcampm\.json': it is a folder/, 1);
    expect(await listTree(target.out)).toEqual(['second-pcampm.json']);
    expect(await listTree(target.npzFolder)).toEqual([]);
  });

  // `a.png` and `a.jpg` would both write `a-pcampm.png`: the command refuses them.
  it('does not silently overwrite one image’s --out files with another’s', async () => {
    const target = await outputs();
    const jpeg = dir.at('wide.jpg');
    await writeFile(jpeg, await (await import('sharp')).default(image).jpeg().toBuffer());
    const run = await runCli(['explain', image, jpeg, '--model', model, '--out', target.out]);
    const files = await listTree(target.out);
    if (run.code === 0) {
      expect(files).toHaveLength(4);
    } else {
      expect(run.stderr.split('\n')).toHaveLength(2);
      expect(files).toEqual([]);
    }
  });

  it('leaves no --out file when cancelled during the second image', async () => {
    const target = await outputs();
    const controller = new AbortController();
    const stderr = new TextCollector({ columns: 120 });
    const write = stderr.write.bind(stderr);
    stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      if (String(chunk).includes('(2/2)')) controller.abort();
      return write(chunk, ...rest);
    }) as typeof stderr.write;
    const run = await runCli(['explain', image, other, '--model', model, '--out', target.out], { stderr, signal: controller.signal });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('polycam: cancelled');
    expect(await listTree(target.out)).toEqual([]);
  });
});

describe('polycam layers rejects bad models', () => {
  it('a missing model', async () => {
    expectOneErrorLine(await runCli(['layers', '--model', dir.at('absent.onnx')]), /absent\.onnx' does not exist/, 1);
  });

  it('a corrupt model', async () => {
    await writeFile(dir.at('junk.onnx'), 'junk');
    expectOneErrorLine(await runCli(['layers', '--model', dir.at('junk.onnx')]), /junk\.onnx' is not a usable ONNX model/, 1);
  });

});
