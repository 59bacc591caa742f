#!/usr/bin/env python3
"""Segmentation parity: polycam's `segmentation` target against a brute-force Poly-CAM in PyTorch.

A development tool only (Debian's PyTorch: apt-get install python3-torch python3-onnx
python3-pil); the library, the CLI and the tests never run Python. `npm run parity:segmentation`
drives it:

  prepare --out DIR   fits two small encoder-decoder segmenters on drawn shapes (seeded), exports
                      them with torch.onnx.export as users do, draws the explained image and a
                      region mask, and computes every case's Poly-CAM maps by brute force
                      (brute.npz), straight from the semantics (docs/method.md): one masked
                      forward pass in PyTorch per channel and mask kind, no batching, no
                      shortcut.
  compare --out DIR   compares polycam's maps (DIR/polycam-*.npz, written by the Node side) with
                      brute.npz and prints the table (and DIR/report.json).

Every array is keyed `CASE|METHOD|WHAT`: WHAT is `final` (the H×W map), `stage<i>` (the map after
fusing down to layer i, forward order), `cam<i>` (C_l at the layer's size), `weights<i>` (the
layer's channel weights); `CASE|score` is s(X) and `CASE|region` the region's pixel count.
"""
import argparse
import copy
import json
import os
import time
import warnings

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from PIL import Image

MEAN = np.array([0.485, 0.456, 0.406], dtype=np.float32)  # ImageNet's: polycam's defaults
STD = np.array([0.229, 0.224, 0.225], dtype=np.float32)
SIZE = 64
CLASSES = 4  # background, disk, square, triangle
PALETTE = {1: np.array([235.0, 70, 60]), 2: np.array([70.0, 215, 90]), 3: np.array([80.0, 110, 240])}
METHODS = {'pcamp': 'cic', 'pcamm': 'cdc', 'pcampm': 'cvc'}


class Segmenter(nn.Module):
    """conv-ReLU-maxpool encoder to 1/4 resolution (64, 32, 16 px), then either a transposed
    convolution decoder back to 64 px, or a 1×1 head at 16 px whose logits F.interpolate resizes
    to the input's size (an ONNX Resize, as DeepLab-style heads export)."""

    def __init__(self, interpolate_head=False):
        super().__init__()
        self.interpolate_head = interpolate_head
        self.resize_logits = True  # False: the head's logits at 1/4 resolution, as they are
        self.binary_class = None  # a class k: one output channel, the logit of k against the background
        self.encoder = nn.Sequential(
            nn.Conv2d(3, 8, 3, padding=1), nn.ReLU(),  # encoder.1: 8×64×64
            nn.MaxPool2d(2),
            nn.Conv2d(8, 16, 3, padding=1), nn.ReLU(),  # encoder.4: 16×32×32
            nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(),  # encoder.7: 32×16×16
        )
        if interpolate_head:
            self.head = nn.Conv2d(32, CLASSES, 1)
        else:
            self.decoder = nn.Sequential(
                nn.ConvTranspose2d(32, 16, 2, stride=2), nn.ReLU(),
                nn.ConvTranspose2d(16, 8, 2, stride=2), nn.ReLU(),
                nn.Conv2d(8, CLASSES, 1),
            )

    def forward(self, x):
        features = self.encoder(x)
        if self.interpolate_head:
            logits = self.head(features)
            if self.resize_logits:
                logits = F.interpolate(logits, size=x.shape[-2:], mode='bilinear', align_corners=False)
        else:
            logits = self.decoder(features)
        k = self.binary_class
        return logits if k is None else logits[:, k:k + 1] - logits[:, 0:1]


ENCODER_RELUS = ('encoder.1', 'encoder.4', 'encoder.7')


def draw_scene(rng, classes):
    """A 64×64 RGB scene: a muted gradient with noise and one object per class in `classes`
    (1 disk, 2 square, 3 triangle) in its class's colour family, so that a quick fit learns them;
    returns the image and its label map."""
    yy, xx = np.mgrid[0:SIZE, 0:SIZE].astype(np.float32) + 0.5
    a, b = rng.uniform(60, 140, 3), rng.uniform(60, 140, 3)
    t = (xx * np.cos(rng.uniform(0, 6.3)) + yy * np.sin(rng.uniform(0, 6.3))) / SIZE
    image = a + (b - a) * np.clip(t, 0, 1)[..., None]
    labels = np.zeros((SIZE, SIZE), dtype=np.int64)
    for cls in classes:
        r = rng.uniform(7, 12)
        cy, cx = rng.uniform(r, SIZE - r, 2)
        if cls == 1:
            inside = (yy - cy) ** 2 + (xx - cx) ** 2 <= r * r
        elif cls == 2:
            inside = (np.abs(yy - cy) <= 0.85 * r) & (np.abs(xx - cx) <= 0.85 * r)
        else:
            inside = (yy <= cy + 0.8 * r) & (np.abs(xx - cx) <= 0.6 * (yy - (cy - r)))
        image[inside] = np.clip(PALETTE[cls] * rng.uniform(0.75, 1.0) + rng.normal(0, 12, 3), 0, 255)
        labels[inside] = cls
    image += rng.normal(0, 6, image.shape)
    return np.clip(np.round(image), 0, 255).astype(np.uint8), labels


def normalise(pixels):
    """torchvision's ToTensor + Normalize in float32: [N,H,W,3] uint8 → [N,3,H,W]."""
    x = torch.from_numpy(pixels).permute(0, 3, 1, 2).float().div(255)
    return (x - torch.from_numpy(MEAN).view(1, 3, 1, 1)) / torch.from_numpy(STD).view(1, 3, 1, 1)


def fit(model, rng, steps, log):
    """A quick fit (Adam, cross-entropy per pixel) on freshly drawn scenes."""
    scenes = [draw_scene(rng, rng.permutation([1, 2, 3])[: rng.integers(1, 4)]) for _ in range(512)]
    x = normalise(np.stack([s[0] for s in scenes]))
    y = torch.from_numpy(np.stack([s[1] for s in scenes]))
    optimiser = torch.optim.Adam(model.parameters(), lr=1e-2)
    model.train()
    for step in range(steps):
        batch = torch.from_numpy(rng.integers(0, len(x), 16))
        loss = F.cross_entropy(model(x[batch]), y[batch])
        optimiser.zero_grad()
        loss.backward()
        optimiser.step()
        if (step + 1) % 50 == 0:
            log(f'  step {step + 1}/{steps}: loss {loss.item():.3f}')
    model.eval()
    with torch.no_grad():
        predicted = model(x[:128]).argmax(1)
    return (predicted == y[:128]).float().mean().item()


def export(model, path, dynamic):
    """`dynamic`: the axes torch.onnx.export leaves dynamic: `batch`, `batch+size` (batch,
    height and width, as segmentation exports often do) or None (a fixed batch of 1)."""
    import onnx  # noqa: F401  (torch.onnx.export needs it installed)
    warnings.filterwarnings('ignore', message='The shape inference of prim::Constant')  # torch 1.13's export noise
    torch.onnx.export(
        model, torch.zeros(1, 3, SIZE, SIZE), path, opset_version=13,
        input_names=['input'], output_names=['logits'],
        dynamic_axes=None if dynamic is None else {
            name: {0: 'batch', **({2: 'height', 3: 'width'} if dynamic == 'batch+size' else {})} for name in ('input', 'logits')},
    )


def onnx_names(path, modules):
    """The ONNX tensor names of these modules' outputs (what `polycam layers` lists): torch.onnx
    names a module's node by its scopes, `/encoder/encoder.1/Relu` for `encoder.1`."""
    import onnx
    graph = onnx.load(path).graph
    names = []
    for module in modules:
        parts = module.split('.')
        scope = '/' + '/'.join('.'.join(parts[: i + 1]) for i in range(len(parts))) + '/'
        outputs = [n.output[0] for n in graph.node if n.name.startswith(scope)]
        if len(outputs) != 1:
            raise SystemExit(f'{path}: {len(outputs)} nodes under {scope}, expected one')
        names.append(outputs[0])
    return names


def discovered_layers(model, x):
    """METHOD.md's automatic discovery, on the PyTorch modules in forward order: skip the first,
    take the one before each change of spatial size (the model's output counts as the last
    step, so a layer before F.interpolate is taken), stop at a non-spatial output."""
    steps = []
    hooks = [m.register_forward_hook(lambda _m, _i, out, name=name: steps.append((name, tuple(out.shape))))
             for name, m in model.named_modules() if not list(m.children())]
    with torch.no_grad():
        output = model(x)
    for hook in hooks:
        hook.remove()
    steps.append(('<output>', tuple(output.shape)))
    chosen = []
    for (name, shape), (_, following) in zip(steps[1:], steps[2:]):
        if len(shape) != 4:
            break
        if len(following) != 4:
            chosen.append(name)
            break
        if following[2:] != shape[2:]:
            chosen.append(name)
            if following[2:] == (1, 1):
                break
    return chosen


# ---- the semantics, straight from docs/method.md, in float64 ----

def u(m):
    lo, hi = np.percentile(m, 0.1), np.percentile(m, 99.9)
    return np.clip((m - lo) / max(hi, 1e-12), 0, 1)


def resize(m, size):
    """Bilinear with half-pixel centres (align_corners=False), no anti-aliasing."""
    t = torch.from_numpy(np.ascontiguousarray(m, dtype=np.float64))[None, None]
    return F.interpolate(t, size=size, mode='bilinear', align_corners=False)[0, 0].numpy()


def relu(m):
    return np.maximum(m, 0)


def lnorm_fusion(cams):
    """P_L = ReLU(C_L); P_l = ReLU(C_l / max(resize(resize(C_l, P_{l+1}), C_l), 1e-12) ⊙ resize(P_{l+1}, C_l))."""
    fused = [None] * len(cams)
    fused[-1] = relu(cams[-1])
    for l in range(len(cams) - 2, -1, -1):
        c, p = cams[l], fused[l + 1]
        n = c / np.maximum(resize(resize(c, p.shape), c.shape), 1e-12)
        fused[l] = relu(n * resize(p, c.shape))
    return fused


def region_at(mask, model, x):
    """A mask at the output's size: resized nearest-neighbour with half-pixel centres (source
    index floor((i + 0.5) · in / out), torch's `nearest-exact`), as polycam documents it."""
    with torch.no_grad():
        h, w = model(x).shape[-2:]
    rows = np.floor((np.arange(h) + 0.5) * mask.shape[0] / h).astype(int)
    columns = np.floor((np.arange(w) + 0.5) * mask.shape[1] / w).astype(int)
    return mask[rows][:, columns]


class BruteForce:
    """Poly-CAM by brute force for one model, image and segmentation score."""

    def __init__(self, model, modules, x, class_index, score, region=None):
        self.model, self.modules, self.x, self.c, self.score_kind = model, modules, x, class_index, score
        self.activations = {}
        hooks = [dict(model.named_modules())[name].register_forward_hook(self._keep(name)) for name in modules]
        with torch.no_grad():
            z = model(x)[0]
        for hook in hooks:
            hook.remove()
        predicted = z[0] > 0 if len(z) == 1 else z.argmax(0) == class_index  # one channel: a binary segmenter
        self.region = predicted.numpy() if region is None else region
        if not self.region.any():
            raise SystemExit(f'the region of class {class_index} is empty')
        self.base = self.s(x)
        self.passes = 1

    def _keep(self, name):
        def hook(_module, _inputs, output):
            self.activations[name] = output[0].detach().numpy().astype(np.float64)
        return hook

    def s(self, x):
        """s(X) = Σ_{p∈R} softmax_channels(z)[c, p] (softmax; sigmoid(z[0, p]) for one channel) or
        Σ_{p∈R} z[c, p] (identity)."""
        with torch.no_grad():
            z = self.model(x)[0].double()
        if self.score_kind == 'identity':
            per_pixel = z[self.c]
        else:
            per_pixel = torch.sigmoid(z[0]) if len(z) == 1 else torch.softmax(z, 0)[self.c]
        return per_pixel.numpy()[self.region].sum()

    def maps(self):
        """Every method's stages, CAMs and weights; one forward pass per channel and mask kind."""
        h, w = self.x.shape[-2:]
        kept, dropped = [], []  # s(X ⊙ M) and s(X ⊙ (1 − M)) per layer
        for name in self.modules:
            a = self.activations[name]
            plus, minus = np.empty(len(a)), np.empty(len(a))
            for k in range(len(a)):
                m = torch.from_numpy(resize(u(a[k]), (h, w)))
                plus[k] = self.s((self.x.double() * m).float())
                minus[k] = self.s((self.x.double() * (1 - m)).float())
                self.passes += 2
            kept.append(plus)
            dropped.append(minus)
        out = {}
        for method, strategy in METHODS.items():
            weights = []
            for plus, minus in zip(kept, dropped):
                if strategy == 'cic':
                    weights.append(plus)
                elif strategy == 'cdc':
                    weights.append(relu(self.base - minus))
                else:
                    weights.append(relu(plus + self.base - minus))
            cams = [relu(np.nansum(wk[:, None, None] * self.activations[name], axis=0)) for wk, name in zip(weights, self.modules)]
            fused = lnorm_fusion(cams)
            for i, (wk, cam, p) in enumerate(zip(weights, cams, fused)):
                out[f'{method}|weights{i}'] = wk
                out[f'{method}|cam{i}'] = cam
                out[f'{method}|stage{i}'] = resize(u(p), (h, w))
            out[f'{method}|final'] = out[f'{method}|stage0']
        return out


def prepare(folder, steps, log):
    os.makedirs(folder, exist_ok=True)
    torch.manual_seed(0)
    torch.set_num_threads(2)
    rng = np.random.default_rng(0)
    started = time.time()
    decoder = Segmenter()
    log('fitting the transposed-convolution segmenter ...')
    decoder_accuracy = fit(decoder, rng, steps, log)
    log('fitting the F.interpolate segmenter ...')
    interpolating = Segmenter(interpolate_head=True)
    interpolating_accuracy = fit(interpolating, rng, steps, log)

    coarse = copy.deepcopy(interpolating)
    coarse.resize_logits = False
    binary = copy.deepcopy(decoder)
    binary.binary_class = 2
    models = {
        'model.onnx': (decoder, 'batch'),
        'model-batch1.onnx': (decoder, None),
        'model-dynamic-size.onnx': (decoder, 'batch+size'),
        'model-interpolate.onnx': (interpolating, 'batch'),
        'model-coarse.onnx': (coarse, 'batch'),
        'model-binary.onnx': (binary, 'batch'),
    }
    for file, (model, dynamic) in models.items():
        export(model, os.path.join(folder, file), dynamic)

    pixels, labels = draw_scene(np.random.default_rng(12345), [1, 2, 3])
    Image.fromarray(pixels).save(os.path.join(folder, 'image.png'))
    class_index = 2  # the square
    truth = labels == class_index
    # The region as a user gives it: a white-on-black PNG at the output's size, and one at twice
    # that size (polycam resizes a region nearest-neighbour, which takes back exactly these
    # pixels); the .npy copies are what the library path passes as a map.
    for name, scale in (('mask', 1), ('mask-128', 2)):
        region = np.repeat(np.repeat(truth, scale, 0), scale, 1)
        Image.fromarray((region * 255).astype(np.uint8), mode='L').save(os.path.join(folder, f'{name}.png'))
        np.save(os.path.join(folder, f'{name}.npy'), region.astype(np.float32))
    manifest_item = {'file': 'image.png', 'kind': 'single', 'seed': 12345, 'objects': []}
    x = normalise(pixels[None])

    # Each case: the model file, the score function, the region (`predicted` or a mask's name), the
    # layers (the encoder's ReLUs, or `auto`: polycam's discovery, which must pick what
    # discovered_layers picks), and the brute force's model (a batch-1 export of the same weights
    # has the same maps). The class is the square's, 0 for the one-channel (binary) head.
    cases = {
        'predicted': ('model.onnx', 'softmax', 'predicted', ENCODER_RELUS, decoder),
        'mask': ('model.onnx', 'softmax', 'mask', ENCODER_RELUS, decoder),
        'mask-128': ('model.onnx', 'softmax', 'mask-128', ENCODER_RELUS, decoder),
        'identity': ('model.onnx', 'identity', 'predicted', ENCODER_RELUS, decoder),
        'batch1': ('model-batch1.onnx', 'softmax', 'predicted', ENCODER_RELUS, decoder),
        'dynamic-size': ('model-dynamic-size.onnx', 'softmax', 'predicted', ENCODER_RELUS, decoder),
        'interpolate': ('model-interpolate.onnx', 'softmax', 'predicted', ENCODER_RELUS, interpolating),
        'coarse-mask': ('model-coarse.onnx', 'softmax', 'mask', ENCODER_RELUS, coarse),
        'binary': ('model-binary.onnx', 'softmax', 'predicted', ENCODER_RELUS, binary),
        'auto': ('model.onnx', 'softmax', 'predicted', 'auto', decoder),
        'interpolate-auto': ('model-interpolate.onnx', 'softmax', 'predicted', 'auto', interpolating),
    }
    brute, described = {}, {}
    for case, (file, score, region, modules, model) in cases.items():
        log(f'brute force: {case} ...')
        chosen = discovered_layers(model, x) if modules == 'auto' else list(modules)
        mask = None if region == 'predicted' else region_at(truth, model, x)
        explained = 0 if model.binary_class is not None else class_index
        force = BruteForce(model, chosen, x, explained, score, mask)
        for key, value in force.maps().items():
            brute[f'{case}|{key}'] = value.astype(np.float64)
        brute[f'{case}|score'] = np.array([force.base])
        brute[f'{case}|region'] = np.array([force.region.sum()], dtype=np.float64)
        if mask is not None and mask.shape != truth.shape:
            h, w = mask.shape
            floor = truth[(np.arange(h) * truth.shape[0] // h)][:, np.arange(w) * truth.shape[1] // w]
            log(f'  {case}: the mask resized to {h}×{w} has {mask.sum()} pixels; torch\'s `nearest` '
                f'(floor(i · in / out)) would give {floor.sum()}, {(floor != mask).sum()} of them different')
        described[case] = {'model': file, 'classIndex': explained, 'dynamicSize': models[file][1] == 'batch+size', 'score': score, 'region': region,
                           'auto': modules == 'auto',
                           'modules': chosen, 'layers': onnx_names(os.path.join(folder, file), chosen), 'passes': force.passes}
    np.savez(os.path.join(folder, 'brute.npz'), **brute)
    setup = {
        'image': 'image.png', 'imageSize': [SIZE, SIZE], 'manifestItem': manifest_item,
        'cases': described, 'methods': {'pcamp': 'pcam+', 'pcamm': 'pcam-', 'pcampm': 'pcam±'},
        'pixelAccuracy': {'model.onnx': decoder_accuracy, 'model-interpolate.onnx': interpolating_accuracy},
        'seconds': round(time.time() - started, 1),
    }
    with open(os.path.join(folder, 'cases.json'), 'w') as f:
        json.dump(setup, f, indent=1)
    log(f"prepared in {setup['seconds']} s (pixel accuracy {decoder_accuracy:.3f} and {interpolating_accuracy:.3f} on training scenes)")


def pearson(a, b):
    a, b = a.ravel() - a.mean(), b.ravel() - b.mean()
    denominator = np.sqrt((a * a).sum() * (b * b).sum())
    return float((a * b).sum() / denominator) if denominator > 0 else float('nan')


def compare(folder):
    brute = np.load(os.path.join(folder, 'brute.npz'))
    setup = json.load(open(os.path.join(folder, 'cases.json')))
    report, rows = {}, []
    for source in sorted(f for f in os.listdir(folder) if f.startswith('polycam-') and f.endswith('.npz')):
        theirs = np.load(os.path.join(folder, source))
        label = source[len('polycam-'):-len('.npz')]
        for key in theirs.files:
            parts = key.split('|')
            case = parts[0]
            if key not in brute.files:
                raise SystemExit(f'{source}: {key} has no brute-force counterpart')
            mine, got = brute[key], theirs[key].astype(np.float64)
            if mine.shape != got.shape:
                raise SystemExit(f'{source}: {key} has shape {got.shape}, the brute force {mine.shape}')
            entry = {'maxAbs': float(np.abs(mine - got).max())}
            scale = float(np.abs(mine).max())
            if parts[-1] in ('score', 'region') or parts[-1].startswith(('cam', 'weights')):
                entry['maxRel'] = entry['maxAbs'] / scale if scale > 0 else entry['maxAbs']
            else:
                entry['pearson'] = pearson(mine, got)
            report[f'{label}:{key}'] = entry
        for case in setup['cases']:
            for method in setup['methods']:
                prefix = f'{case}|{method}|'
                keys = [k for k in theirs.files if k.startswith(prefix)]
                if not keys:
                    continue
                entries = {k[len(prefix):]: report[f'{label}:{k}'] for k in keys}
                stages = [v for k, v in entries.items() if k.startswith('stage')]
                weights = [v['maxRel'] for k, v in entries.items() if k.startswith('weights')]
                cams = [v['maxRel'] for k, v in entries.items() if k.startswith('cam')]
                score = report.get(f'{label}:{case}|score')
                region = report.get(f'{label}:{case}|region')
                fmt = lambda values: f'{max(values):.1e}' if values else '-'
                rows.append([
                    label, case, setup['methods'][method],
                    f"{entries['final']['maxAbs']:.1e}", f"{1 - entries['final']['pearson']:.1e}",
                    fmt([v['maxAbs'] for v in stages]), f"{1 - min(v['pearson'] for v in stages):.1e}" if stages else '-',
                    fmt(cams), fmt(weights),
                    f"{score['maxRel']:.1e}" if score else '-',
                    'same' if region and region['maxAbs'] == 0 else ('differs' if region else '-'),
                ])
    if not rows:
        raise SystemExit(f'no polycam-*.npz in {folder}')
    header = ['polycam via', 'case', 'method', 'final max|Δ|', 'final 1−r', 'stages max|Δ|', 'stages max 1−r',
              'C_l max rel Δ', 'weights max rel Δ', 's(X) rel Δ', 'region']
    widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(len(header))]
    for row in [header] + rows:
        print('  '.join(str(cell).ljust(width) for cell, width in zip(row, widths)).rstrip())
    with open(os.path.join(folder, 'report.json'), 'w') as f:
        json.dump({'rows': [dict(zip(header, r)) for r in rows], 'entries': report}, f, indent=1)
    worst = max(v['maxAbs'] for k, v in report.items() if k.split('|')[-1].startswith(('final', 'stage')))
    print(f'\nworst map difference {worst:.1e} over {len(rows)} explanations')
    return worst


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('step', choices=['prepare', 'compare'])
    parser.add_argument('--out', required=True, help='the working folder')
    parser.add_argument('--steps', type=int, default=150, help='training steps per model (prepare)')
    parser.add_argument('--tolerance', type=float, default=1e-4, help='the largest map difference that passes (compare)')
    args = parser.parse_args()
    if args.step == 'prepare':
        prepare(args.out, args.steps, lambda line: print(line, flush=True))
    else:
        worst = compare(args.out)
        if not worst <= args.tolerance:
            raise SystemExit(f'parity failed: {worst:.1e} > {args.tolerance:.0e}')


if __name__ == '__main__':
    main()
