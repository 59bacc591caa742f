import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TextCollector } from '../cli.testkit.js';
import { createProgressReporter } from './createProgressReporter.js';

// Strips ANSI escape sequences (cursor moves, line clears) from a terminal transcript.
function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1B(?:\[[0-9;?]*[A-Za-z]|[78])/g, '');
}

describe('createProgressReporter', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([
    ['no isTTY', new TextCollector()],
    ['isTTY false', Object.assign(new TextCollector(), { isTTY: false })],
  ])('is silent on a stream that is not a terminal (%s)', (_label, stream) => {
    const progress = createProgressReporter(stream);
    progress.start('image.png (1/1)', 10);
    progress.update(5);
    vi.advanceTimersByTime(1000);
    progress.update(10);
    progress.stop();
    expect(stream.text).toBe('');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('draws a bar with the label and the counts on a terminal', () => {
    const stream = new TextCollector({ columns: 100 });
    const progress = createProgressReporter(stream);
    progress.start('cat.png (1/2)', 40);
    expect(plain(stream.text)).toContain('cat.png (1/2)');
    expect(plain(stream.text)).toContain('0/40 passes');
    vi.advanceTimersByTime(500);
    progress.update(30);
    vi.advanceTimersByTime(500);
    const text = plain(stream.text);
    expect(text).toContain('30/40 passes');
    expect(text).toContain('75%');
    progress.stop();
  });

  it('hides the cursor while drawing and shows it again on stop', () => {
    const stream = new TextCollector({ columns: 100 });
    const progress = createProgressReporter(stream);
    progress.start('a.png (1/1)', 10);
    expect(stream.text).toContain('\x1B[?25l');
    expect(stream.text).not.toContain('\x1B[?25h');
    progress.stop();
    expect(stream.text.lastIndexOf('\x1B[?25h')).toBeGreaterThan(stream.text.lastIndexOf('\x1B[?25l'));
  });

  it('leaves no timer running after stop(), and a second start() replaces the first bar', () => {
    const stream = new TextCollector({ columns: 100 });
    const progress = createProgressReporter(stream);
    progress.start('one.png (1/2)', 10);
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    progress.start('two.png (2/2)', 10);
    expect(vi.getTimerCount()).toBe(1);
    progress.update(10);
    progress.stop();
    expect(vi.getTimerCount()).toBe(0);
    const before = stream.text.length;
    vi.advanceTimersByTime(5000);
    expect(stream.text.length).toBe(before); // nothing redraws after stop
    progress.stop(); // a second stop is harmless
    progress.update(3); // so is an update with no bar
    expect(stream.text.length).toBe(before);
  });

  it('clears the bar on stop', () => {
    const stream = new TextCollector({ columns: 100 });
    const progress = createProgressReporter(stream);
    progress.start('x.png (1/1)', 4);
    progress.stop();
    // The last things written move to column 0 and erase the line, leaving no newline.
    expect(stream.text.endsWith('\x1B[1G\x1B[2K')).toBe(true);
  });

  it('copes with an empty task (total 0)', () => {
    const stream = new TextCollector({ columns: 100 });
    const progress = createProgressReporter(stream);
    progress.start('empty.png (1/1)', 0);
    expect(plain(stream.text)).toContain('empty.png (1/1)');
    progress.stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});
