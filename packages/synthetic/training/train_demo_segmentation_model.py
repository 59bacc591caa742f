#!/usr/bin/env python3
"""Trains polycam's bundled demo segmentation network on the synthetic benchmark and exports it to ONNX.

A development tool only: the library, the CLI and the tests never run Python. It needs Debian's
PyTorch (apt-get install python3-torch python3-onnx python3-pil) and is driven by
`npm run train:demo-seg-model`, which generates the benchmark first and writes the model's
metadata afterwards.

Per-pixel labels: 0 is the background and 1 + k is the benchmark's class k (the manifest's
`classes`, the classifier's order), so the output has 1 + 8 channels, 'background' first.
Objects never overlap, so each pixel belongs to at most one object's mask.

Usage: /usr/bin/python3 train_demo_segmentation_model.py --data DIR --out FILE.onnx --report FILE.json
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

MEAN = (0.485, 0.456, 0.406)  # ImageNet's, as the demo classifier's, so that polycam's defaults fit the model
STD = (0.229, 0.224, 0.225)


def block(inputs, outputs):
    return nn.Sequential(nn.Conv2d(inputs, outputs, 3, padding=1, bias=False), nn.BatchNorm2d(outputs), nn.ReLU())


class DemoSegmentationNet(nn.Module):
    """A small U-Net: four resolution stages (128, 64, 32 and 16 px at 128×128 input) down, then
    back up to 128 px by nearest-neighbour upsampling, each decoder stage concatenating the
    encoder's map of its size; a 1×1 convolution gives the per-pixel logits."""

    def __init__(self, classes):
        super().__init__()
        self.encode1 = block(3, 8)
        self.encode2 = block(8, 16)
        self.encode3 = block(16, 32)
        self.encode4 = nn.Sequential(block(32, 64), block(64, 64))
        self.pool = nn.MaxPool2d(2)
        self.up = nn.Upsample(scale_factor=2, mode='nearest')
        self.decode3 = block(64 + 32, 32)
        self.decode2 = block(32 + 16, 16)
        self.decode1 = block(16 + 8, 16)
        self.head = nn.Conv2d(16, classes, 1)

    def forward(self, x):
        e1 = self.encode1(x)
        e2 = self.encode2(self.pool(e1))
        e3 = self.encode3(self.pool(e2))
        e4 = self.encode4(self.pool(e3))
        d3 = self.decode3(torch.cat([self.up(e4), e3], 1))
        d2 = self.decode2(torch.cat([self.up(d3), e2], 1))
        d1 = self.decode1(torch.cat([self.up(d2), e1], 1))
        return self.head(d1)


def load_split(folder, images):
    """Loads images as a normalised NCHW float tensor and their per-pixel labels (0 background, 1 + class)."""
    pixels = np.stack([np.asarray(Image.open(os.path.join(folder, item['file'])).convert('RGB')) for item in images])
    labels = np.zeros(pixels.shape[:3], dtype=np.uint8)
    for index, item in enumerate(images):
        for obj in item['objects']:
            mask = np.asarray(Image.open(os.path.join(folder, obj['mask'])).convert('L')) >= 128
            labels[index][mask] = obj['label'] + 1
    x = torch.from_numpy(pixels).permute(0, 3, 1, 2).float().div(255)
    x = (x - torch.tensor(MEAN).view(1, 3, 1, 1)) / torch.tensor(STD).view(1, 3, 1, 1)
    return x, torch.from_numpy(labels)


def confusion(model, x, y, classes, batch=64):
    """The pixel confusion matrix (rows: true label, columns: predicted)."""
    model.eval()
    matrix = torch.zeros(classes, classes, dtype=torch.int64)
    with torch.no_grad():
        for start in range(0, len(x), batch):
            predicted = model(x[start:start + batch]).argmax(1)
            truth = y[start:start + batch].long()
            matrix += torch.bincount((truth * classes + predicted).flatten(), minlength=classes * classes).view(classes, classes)
    return matrix


def scores(matrix):
    """Pixel accuracy and mean IoU over the labels (background included) from a confusion matrix."""
    matrix = matrix.double()
    correct = matrix.diag()
    union = matrix.sum(0) + matrix.sum(1) - correct
    iou = correct / union.clamp(min=1)
    return (correct.sum() / matrix.sum()).item(), iou.mean().item(), iou.tolist()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--data', required=True, help='the benchmark folder (with manifest.json)')
    parser.add_argument('--out', required=True, help='the ONNX file to write')
    parser.add_argument('--report', required=True, help='a JSON file for the scores and timings')
    parser.add_argument('--seed', type=int, default=0)
    parser.add_argument('--epochs', type=int, default=6)
    parser.add_argument('--threads', type=int, default=2)
    args = parser.parse_args()

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    started = time.time()

    with open(os.path.join(args.data, 'manifest.json')) as handle:
        manifest = json.load(handle)
    classes = 1 + len(manifest['classes'])
    train_x, train_y = load_split(args.data, manifest['splits']['train'])
    val_x, val_y = load_split(args.data, manifest['splits']['validation'])
    test_x, test_y = load_split(args.data, manifest['splits']['test'])
    print(f'loaded {len(train_x)} train, {len(val_x)} validation, {len(test_x)} test images '
          f'in {time.time() - started:.0f} s', flush=True)

    model = DemoSegmentationNet(classes)
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-2, weight_decay=1e-4)
    batch = 32
    steps = args.epochs * ((len(train_x) + batch - 1) // batch)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=1e-2, total_steps=steps)
    generator = torch.Generator().manual_seed(args.seed)
    best = (-1.0, None)
    for epoch in range(args.epochs):
        model.train()
        order = torch.randperm(len(train_x), generator=generator)
        total = 0.0
        for start in range(0, len(train_x), batch):
            index = order[start:start + batch]
            x, y = train_x[index], train_y[index].long()
            flips = torch.rand(2, generator=generator)
            if flips[0] < 0.5:
                x, y = x.flip(3), y.flip(2)
            if flips[1] < 0.5:
                x, y = x.flip(2), y.flip(1)
            optimizer.zero_grad()
            loss = nn.functional.cross_entropy(model(x), y)
            loss.backward()
            optimizer.step()
            schedule.step()
            total += loss.item() * len(index)
        validation = scores(confusion(model, val_x, val_y, classes))
        print(f'epoch {epoch + 1}/{args.epochs}: loss {total / len(train_x):.4f}, validation pixel accuracy '
              f'{validation[0]:.4f}, mean IoU {validation[1]:.4f}, {time.time() - started:.0f} s', flush=True)
        if validation[1] > best[0]:
            best = (validation[1], {name: value.clone() for name, value in model.state_dict().items()}, validation[0])
    model.load_state_dict(best[1])
    model.eval()
    test_accuracy, test_iou, test_ious = scores(confusion(model, test_x, test_y, classes))
    print(f'held-out test pixel accuracy {test_accuracy:.4f}, mean IoU {test_iou:.4f}', flush=True)

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
            'validationPixelAccuracy': best[2],
            'validationMeanIou': best[0],
            'testImages': len(test_x),
            'testPixelAccuracy': test_accuracy,
            'testMeanIou': test_iou,
            'testIouByLabel': test_ious,
            'trainingSeconds': round(time.time() - started),
            'torch': torch.__version__,
            'mean': MEAN,
            'std': STD,
        }, handle, indent=2)


if __name__ == '__main__':
    main()
