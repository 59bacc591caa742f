import { decodeNpy } from '@polycam/core/io';
import type { WorkerResult } from '../worker/WorkerResult.js';
import type { DomView } from './DomView.js';
import type { ExplainChoice } from './ExplainChoice.js';
import { fetchBytes } from './fetchBytes.js';
import type { ModelMetadata } from './ModelMetadata.js';
import type { PolycamApp } from './PolycamApp.js';
import type { SavedResults } from '../api/SavedResults.js';

/**
 * Lists the saved results that `polycam view` serves (nothing when the page is served without
 * any), each with its overlay and an "Open here" button: it loads the image (and the model the
 * record names) into the page and explains it again with the same method, class and layers, so
 * that every stage and the value under the cursor can be looked at; a saved `.npy` map with no
 * model to run is shown as it is.
 *
 * @param app - The page's state.
 * @param view - The page's elements.
 * @param explain - The page's explain path.
 * @returns When the list is shown.
 */
export async function showSavedResults(app: PolycamApp, view: DomView, explain: (choice: ExplainChoice) => Promise<WorkerResult>): Promise<void> {
  const response = await fetch(new URL('results/index.json', document.baseURI));
  // A server without saved results answers 404 (or, as Vite's, the page itself).
  if (!response.ok || !(response.headers.get('content-type') ?? '').includes('json')) return;
  const saved = (await response.json()) as SavedResults;
  const section = document.getElementById('results')!;
  section.hidden = false;
  const source = document.getElementById('results-source')!;
  source.textContent = `${saved.entries.length} result${saved.entries.length === 1 ? '' : 's'} from ${saved.folder} (${saved.kind === 'files' ? 'files' : `polycam ${saved.kind}`}) `;
  if (saved.report) source.append(Object.assign(document.createElement('a'), { href: saved.report, textContent: 'its report' }));
  // A pointer at the top of the viewer, since the list sits below the result.
  const note = Object.assign(document.createElement('p'), { id: 'results-note' });
  note.append(Object.assign(document.createElement('a'), { href: '#results', textContent: `${saved.entries.length} saved result${saved.entries.length === 1 ? '' : 's'} from ${saved.folder}, below` }));
  document.getElementById('viewer')!.prepend(note);
  const list = document.getElementById('results-list')!;
  list.replaceChildren(
    ...saved.entries.map((entry) => {
      const figure = document.createElement('figure');
      if (entry.overlay) figure.append(Object.assign(document.createElement('img'), { src: entry.overlay, alt: entry.title }));
      const caption = document.createElement('figcaption');
      caption.append(Object.assign(document.createElement('strong'), { textContent: entry.title }), document.createElement('br'), entry.details);
      figure.append(caption);
      if (entry.image) {
        const open = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Open here' });
        open.addEventListener('click', () => {
          void (async () => {
            try {
              view.message(undefined);
              if (entry.model && app.modelUrl !== new URL(entry.model, document.baseURI).href) {
                const url = new URL(entry.model, document.baseURI).href;
                await app.openModel(await fetchBytes(url), url.split('/').pop() ?? 'model.onnx', undefined as ModelMetadata | undefined, url);
              }
              await app.addImages([{ name: entry.title, blob: new Blob([(await fetchBytes(new URL(entry.image!, document.baseURI).href)).slice()]) }]);
              if (entry.map && !entry.model && entry.method === undefined) {
                const npy = decodeNpy(await fetchBytes(new URL(entry.map, document.baseURI).href));
                const [height, width] = npy.shape as [number, number];
                const image = app.image!;
                const result: WorkerResult = { map: Float32Array.from(npy.data), height, width, stages: [], classIndex: entry.classIndex, score: Number.NaN, passes: { run: 0, saved: 0 }, method: 'saved map', layers: [], durationMs: 0 };
                view.showResult(result, image.pixels, image.name, undefined);
                return;
              }
              view.choose(entry.method ?? 'pcam±', entry.classIndex, entry.layers);
              await explain({ ...(entry.method ? { method: entry.method } : {}), classIndex: entry.classIndex, layers: entry.layers });
            } catch (error) {
              view.message((error instanceof Error ? error.message : String(error)).split('\n')[0]);
            }
          })();
        });
        figure.append(open);
      }
      return figure;
    }),
  );
}
