#!/usr/bin/env python3
"""Trains polycam's bundled demo CNN on the synthetic benchmark and exports it to ONNX.

A development tool only: the library, the CLI and the tests never run Python. It needs Debian's
PyTorch (apt-get install python3-torch python3-pil) and is driven by
`npm run train:demo-model`, which generates the benchmark first and writes the model's
metadata afterwards.

Usage: /usr/bin/python3 train_demo_model.py --data DIR --out FILE.onnx --report FILE.json
"""
import argparse
import json
import os
import random
import time

import numpy as np
import torch
import torch.nn as nn
from PIL import Image

MEAN = (0.485, 0.456, 0.406)  # ImageNet's, so that polycam's defaults fit the model
STD = (0.229, 0.224, 0.225)


class DemoCnn(nn.Module):
    """A VGG-like CNN with five resolution stages (128, 64, 32, 16 and 8 px at 128×128 input)."""

    def __init__(self, classes):
        super().__init__()
        plan = [(8, 1), (16, 1), (32, 2), (64, 2), (128, 1)]  # (width, convolutions) per stage
        layers, channels = [], 3
        for stage, (width, convolutions) in enumerate(plan):
            for _ in range(convolutions):
                layers += [nn.Conv2d(channels, width, 3, padding=1, bias=False), nn.BatchNorm2d(width), nn.ReLU()]
                channels = width
            if stage < len(plan) - 1:
                layers.append(nn.MaxPool2d(2))
        self.features = nn.Sequential(*layers)
        self.avgpool = nn.AdaptiveAvgPool2d(1)
        self.flatten = nn.Flatten()
        self.classifier = nn.Linear(channels, classes)

    def forward(self, x):
        return self.classifier(self.flatten(self.avgpool(self.features(x))))


def load_split(folder, images):
    """Loads a split's single-object images as a normalised NCHW float tensor and labels."""
    pixels = np.stack([np.asarray(Image.open(os.path.join(folder, item['file'])).convert('RGB')) for item in images])
    x = torch.from_numpy(pixels).permute(0, 3, 1, 2).float().div(255)
    x = (x - torch.tensor(MEAN).view(1, 3, 1, 1)) / torch.tensor(STD).view(1, 3, 1, 1)
    y = torch.tensor([item['objects'][0]['label'] for item in images])
    return x, y


def accuracy(model, x, y, batch=256):
    model.eval()
    correct = 0
    with torch.no_grad():
        for start in range(0, len(x), batch):
            correct += (model(x[start:start + batch]).argmax(1) == y[start:start + batch]).sum().item()
    return correct / len(x)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--data', required=True, help='the benchmark folder (with manifest.json)')
    parser.add_argument('--out', required=True, help='the ONNX file to write')
    parser.add_argument('--report', required=True, help='a JSON file for the accuracies and timings')
    parser.add_argument('--seed', type=int, default=0)
    parser.add_argument('--epochs', type=int, default=10)
    parser.add_argument('--threads', type=int, default=2)
    args = parser.parse_args()

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    started = time.time()

    with open(os.path.join(args.data, 'manifest.json')) as handle:
        manifest = json.load(handle)
    single = lambda split: [item for item in manifest['splits'][split] if item['kind'] == 'single']
    train_x, train_y = load_split(args.data, single('train'))
    val_x, val_y = load_split(args.data, single('validation'))
    test_x, test_y = load_split(args.data, single('test'))
    print(f'loaded {len(train_x)} train, {len(val_x)} validation, {len(test_x)} test images', flush=True)

    model = DemoCnn(len(manifest['classes']))
    optimizer = torch.optim.AdamW(model.parameters(), lr=3e-3, weight_decay=1e-4)
    batch = 64
    steps = args.epochs * ((len(train_x) + batch - 1) // batch)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=3e-3, total_steps=steps)
    generator = torch.Generator().manual_seed(args.seed)
    best = (-1.0, None)
    for epoch in range(args.epochs):
        model.train()
        order = torch.randperm(len(train_x), generator=generator)
        total = 0.0
        for start in range(0, len(train_x), batch):
            index = order[start:start + batch]
            x, y = train_x[index], train_y[index]
            flips = torch.rand(2, generator=generator)
            if flips[0] < 0.5:
                x = x.flip(3)
            if flips[1] < 0.5:
                x = x.flip(2)
            optimizer.zero_grad()
            loss = nn.functional.cross_entropy(model(x), y)
            loss.backward()
            optimizer.step()
            schedule.step()
            total += loss.item() * len(index)
        validation = accuracy(model, val_x, val_y)
        print(f'epoch {epoch + 1}/{args.epochs}: loss {total / len(train_x):.4f}, validation accuracy {validation:.4f}, '
              f'{time.time() - started:.0f} s', flush=True)
        if validation > best[0]:
            best = (validation, {name: value.clone() for name, value in model.state_dict().items()})
    model.load_state_dict(best[1])
    model.eval()
    test = accuracy(model, test_x, test_y)
    print(f'held-out test accuracy {test:.4f}', flush=True)

    size = manifest['size']
    torch.onnx.export(
        model,
        torch.zeros(1, 3, size, size),
        args.out,
        input_names=['input'],
        output_names=['logits'],
        dynamic_axes={'input': {0: 'batch'}, 'logits': {0: 'batch'}},
        opset_version=13,
        do_constant_folding=True,
    )
    with open(args.report, 'w') as handle:
        json.dump({
            'seed': args.seed,
            'epochs': args.epochs,
            'trainImages': len(train_x),
            'validationAccuracy': best[0],
            'testImages': len(test_x),
            'testAccuracy': test,
            'trainingSeconds': round(time.time() - started),
            'torch': torch.__version__,
            'mean': MEAN,
            'std': STD,
        }, handle, indent=2)


if __name__ == '__main__':
    main()
