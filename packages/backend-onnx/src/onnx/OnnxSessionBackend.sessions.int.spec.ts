import { buildTinyCnn } from '@polycam/backend-onnx/builders';
import { createPolycamContainer, TOKENS } from '@polycam/core';
import { polycamModule } from '@polycam/method-polycam';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { randomImages } from '../onnxSpec.testkit.js';
import { OnnxSessionBackend } from './OnnxSessionBackend.js';

/** onnxruntime-node sessions, counted as they are created and released. */
class CountingBackend extends OnnxSessionBackend {
  public readonly id = 'counting-onnx';

  public static async open(bytes: Uint8Array, counts: { created: number; released: number }): Promise<CountingBackend> {
    const sessions = await OnnxSessionBackend.openSessions({
      bytes,
      name: 'the tiny CNN',
      binding: {
        name: 'onnxruntime',
        createSession: async (model) => {
          const session = await ort.InferenceSession.create(model);
          counts.created += 1;
          const release = session.release.bind(session);
          session.release = async () => {
            counts.released += 1;
            await release();
          };
          return session;
        },
        tensor: (data, dims) => new ort.Tensor('float32', data, dims),
      },
    });
    return new CountingBackend(sessions);
  }
}

describe('OnnxSessionBackend sessions', () => {
  it('creates the plain session only for the first plain run: an explanation needs the tapped and the masked ones', async () => {
    const counts = { created: 0, released: 0 };
    const backend = await CountingBackend.open(buildTinyCnn({ seed: 80 }), counts);
    expect(counts.created).toBe(1); // the tapped session, which also described the layers
    const explainer = (await createPolycamContainer(polycamModule)).get(TOKENS.Explainer);
    await explainer.explain({ backend, input: randomImages(1, [3, 32, 32], 81), method: 'pcam±' });
    expect(counts.created).toBe(2); // and the masked-input session
    await backend.run({ input: randomImages(2, [3, 32, 32], 82) });
    await backend.run({ input: randomImages(3, [3, 32, 32], 83) });
    expect(counts.created).toBe(3); // one plain session, reused
    await backend.dispose();
    expect(counts.released).toBe(3);
  });

  it('releases only the sessions it created', async () => {
    const counts = { created: 0, released: 0 };
    const backend = await CountingBackend.open(buildTinyCnn({ seed: 84 }), counts);
    await backend.dispose();
    expect(counts).toEqual({ created: 1, released: 1 });
  });
});
