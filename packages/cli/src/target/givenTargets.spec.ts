import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PolycamError } from '@polycam/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, type TempDir } from '../cli.testkit.js';
import { givenTargets } from './givenTargets.js';

async function rejection(promise: Promise<unknown>): Promise<PolycamError> {
  try {
    await promise;
  } catch (error) {
    if (PolycamError.is(error)) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('givenTargets', () => {
  let dir: TempDir;
  const csv = async (name: string, text: string): Promise<string> => {
    await writeFile(dir.at(name), text);
    return dir.at(name);
  };

  beforeAll(async () => {
    dir = await makeTempDir('polycam-targets-');
    await mkdir(dir.at('sub'));
  });
  afterAll(() => dir?.remove());

  it('gives none for no option or a single --class, which applies to every image', async () => {
    expect(await givenTargets(['a.png', 'b.png'], {})).toBeUndefined();
    expect(await givenTargets(['a.png', 'b.png'], { class: '3' })).toBeUndefined();
  });

  it('gives one class per image from --class 3,5, and refuses another count', async () => {
    expect(await givenTargets(['a.png', 'b.png'], { class: '3, 5' })).toEqual([
      { target: { classIndex: 3 }, source: '--class' },
      { target: { classIndex: 5 }, source: '--class' },
    ]);
    const error = await rejection(givenTargets(['a.png', 'b.png'], { class: '3,5,1' }));
    expect(error.message).toBe('--class gives 3 classes for 2 images: give one class for all, or one per image in order');
    expect((await rejection(givenTargets(['a.png', 'b.png'], { class: '3,x' }))).message).toBe("--class expects an integer of at least 0, got 'x'");
  });

  it('gives --target to every image, with the working folder for its relative paths', async () => {
    expect(await givenTargets(['a.png', 'b.png'], { target: 'segmentation:1:m.png' })).toEqual([
      { target: { target: 'segmentation:1:m.png', folder: process.cwd() }, source: '--target' },
      { target: { target: 'segmentation:1:m.png', folder: process.cwd() }, source: '--target' },
    ]);
  });

  it('refuses options given together', async () => {
    expect((await rejection(givenTargets(['a.png'], { class: '1', target: 'class:1' }))).message).toBe(
      "--class and --target cannot be used together: give each image's class or target one way",
    );
    expect((await rejection(givenTargets(['a.png'], { target: 'class:1', classes: 'x.csv' }))).kind).toBe('invalid-argument');
  });

  it('reads an image,class CSV: paths relative to its folder, or bare file names, in the images order', async () => {
    const file = await csv('classes.csv', '\uFEFFimage,class\r\nsub/a.png,3\r\n\r\n"b.png", 5\r\nunused.png,1\r\n');
    const images = [join(dir.path, 'sub', 'a.png'), join('/elsewhere', 'b.png')];
    expect(await givenTargets(images, { classes: file })).toEqual([
      { target: { classIndex: 3 }, source: `--classes '${file}' line 2` },
      { target: { classIndex: 5 }, source: `--classes '${file}' line 4` },
    ]);
  });

  it("reads an image,target CSV, whose targets' paths start from the CSV's folder and whose targets may hold commas", async () => {
    const file = await csv('targets.csv', 'Image,Target\na.png,segmentation:2:mask.png\nb.png,class:1\n"c,d.png",detection:1:10,20,90,80\n');
    expect(await givenTargets(['b.png', 'a.png', 'c,d.png'], { classes: file })).toEqual([
      { target: { target: 'class:1', folder: dir.path }, source: `--classes '${file}' line 3` },
      { target: { target: 'segmentation:2:mask.png', folder: dir.path }, source: `--classes '${file}' line 2` },
      { target: { target: 'detection:1:10,20,90,80', folder: dir.path }, source: `--classes '${file}' line 4` },
    ]);
  });

  it('refuses images missing from the CSV, ambiguous names, bad headers, rows and classes, and a missing file', async () => {
    const file = await csv('some.csv', 'image,class\na.png,1\n');
    expect((await rejection(givenTargets(['a.png', 'b.png', 'c.png', 'd.png'], { classes: file }))).message).toBe(
      `--classes '${file}' has no row for 'b.png' (and 2 other images): every image needs its class`,
    );
    const twice = await csv('twice.csv', 'image,class\nx/a.png,1\ny/a.png,2\n');
    expect((await rejection(givenTargets(['a.png'], { classes: twice }))).message).toBe(`--classes '${twice}': 'a.png' matches no row by path and rows 2, 3 by file name`);
    const header = await csv('header.csv', 'file,label\na.png,1\n');
    expect((await rejection(givenTargets(['a.png'], { classes: header }))).message).toBe(
      `--classes '${header}' must start with the header 'image,class' or 'image,target', not 'file,label'`,
    );
    const row = await csv('row.csv', 'image,class\na.png\n');
    expect((await rejection(givenTargets(['a.png'], { classes: row }))).message).toBe(`--classes '${row}' line 2: expected 2 fields (image,class), got 'a.png'`);
    const list = await csv('list.csv', 'image,class\na.png,1,2\n');
    expect((await rejection(givenTargets(['a.png'], { classes: list }))).message).toBe(`--classes '${list}' line 2: the class expects an integer of at least 0, got '1,2'`);
    const duplicate = await csv('duplicate.csv', 'image,class\na.png,1\n./a.png,2\n');
    expect((await rejection(givenTargets(['a.png'], { classes: duplicate }))).message).toBe(`--classes '${duplicate}' line 3: './a.png' has a row already, on line 2`);
    const bad = await csv('bad.csv', 'image,class\na.png,-1\n');
    expect((await rejection(givenTargets(['a.png'], { classes: bad }))).message).toBe(`--classes '${bad}' line 2: the class expects an integer of at least 0, got '-1'`);
    const absent = await rejection(givenTargets(['a.png'], { classes: dir.at('absent.csv') }));
    expect([absent.kind, absent.message]).toEqual(['file-not-found', `--classes '${dir.at('absent.csv')}' does not exist`]);
  });
});
