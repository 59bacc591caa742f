"""What polycam's demo training scripts share: the command line, the seeding, the image loading
and normalisation, and the ONNX export (opset 13, dynamic batch). A development tool only."""
import argparse
import json
import os
import random
import time

import numpy as np
import torch
from PIL import Image

MEAN = (0.485, 0.456, 0.406)  # ImageNet's, so that polycam's defaults fit the models
STD = (0.229, 0.224, 0.225)


def parse_arguments(description, epochs):
    """Parses --data, --out, --report, --seed, --epochs (default `epochs`) and --threads."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument('--data', required=True, help='the benchmark folder (with manifest.json)')
    parser.add_argument('--out', required=True, help='the ONNX file to write')
    parser.add_argument('--report', required=True, help='a JSON file for the scores and timings')
    parser.add_argument('--seed', type=int, default=0)
    parser.add_argument('--epochs', type=int, default=epochs)
    parser.add_argument('--threads', type=int, default=2)
    return parser.parse_args()


def seed_everything(args):
    """Seeds Python, NumPy and PyTorch with --seed, and gives PyTorch --threads threads."""
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)


def read_manifest(folder):
    """The benchmark folder's manifest.json."""
    with open(os.path.join(folder, 'manifest.json')) as handle:
        return json.load(handle)


def load_images(folder, images):
    """Loads manifest images as a normalised NCHW float tensor (pixels in [0, 1], then MEAN and STD)."""
    pixels = np.stack([np.asarray(Image.open(os.path.join(folder, item['file'])).convert('RGB')) for item in images])
    x = torch.from_numpy(pixels).permute(0, 3, 1, 2).float().div(255)
    return (x - torch.tensor(MEAN).view(1, 3, 1, 1)) / torch.tensor(STD).view(1, 3, 1, 1)


def export_onnx(model, size, path):
    """Exports a model with a [N, 3, size, size] input 'input' and output 'logits', the batch axis dynamic."""
    torch.onnx.export(
        model,
        torch.zeros(1, 3, size, size),
        path,
        input_names=['input'],
        output_names=['logits'],
        dynamic_axes={'input': {0: 'batch'}, 'logits': {0: 'batch'}},
        opset_version=13,
        do_constant_folding=True,
    )


def fit(model, train_x, train_y, args, learning_rate, batch, validate):
    """Trains with AdamW and a one-cycle schedule for --epochs epochs, each batch flipped left-right
    and up-down at random (per-pixel labels `[N, H, W]` with their images); after each epoch
    `validate(model)` gives `(score, details)`, and the weights of the best score are kept.

    Returns the best `(score, details)`; the model holds its weights, in eval mode."""
    optimizer = torch.optim.AdamW(model.parameters(), lr=learning_rate, weight_decay=1e-4)
    steps = args.epochs * ((len(train_x) + batch - 1) // batch)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=learning_rate, total_steps=steps)
    generator = torch.Generator().manual_seed(args.seed)
    per_pixel = train_y.dim() == 3
    best = (-1.0, None, None)
    started = time.time()
    for epoch in range(args.epochs):
        model.train()
        order = torch.randperm(len(train_x), generator=generator)
        total = 0.0
        for start in range(0, len(train_x), batch):
            index = order[start:start + batch]
            x, y = train_x[index], train_y[index].long()
            flips = torch.rand(2, generator=generator)
            if flips[0] < 0.5:
                x, y = x.flip(3), (y.flip(2) if per_pixel else y)
            if flips[1] < 0.5:
                x, y = x.flip(2), (y.flip(1) if per_pixel else y)
            optimizer.zero_grad()
            loss = torch.nn.functional.cross_entropy(model(x), y)
            loss.backward()
            optimizer.step()
            schedule.step()
            total += loss.item() * len(index)
        score, details = validate(model)
        print(f'epoch {epoch + 1}/{args.epochs}: loss {total / len(train_x):.4f}, {details}, {time.time() - started:.0f} s', flush=True)
        if score > best[0]:
            best = (score, {name: value.clone() for name, value in model.state_dict().items()}, details)
    model.load_state_dict(best[1])
    model.eval()
    return best[0], best[2]


def write_report(path, args, started, figures):
    """Writes the JSON report the npm script reads: the seed, the epochs, `figures`, the seconds
    since `started`, PyTorch's version and the normalisation."""
    with open(path, 'w') as handle:
        json.dump({
            'seed': args.seed,
            'epochs': args.epochs,
            **figures,
            'trainingSeconds': round(time.time() - started),
            'torch': torch.__version__,
            'mean': MEAN,
            'std': STD,
        }, handle, indent=2)
