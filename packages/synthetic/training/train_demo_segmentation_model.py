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
import os
import time

import numpy as np
import torch
import torch.nn as nn
from PIL import Image

from demo_training import export_onnx, fit, load_images, parse_arguments, read_manifest, seed_everything, write_report


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
    x = load_images(folder, images)
    labels = np.zeros((x.shape[0], x.shape[2], x.shape[3]), dtype=np.uint8)
    for index, item in enumerate(images):
        for obj in item['objects']:
            mask = np.asarray(Image.open(os.path.join(folder, obj['mask'])).convert('L')) >= 128
            labels[index][mask] = obj['label'] + 1
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
    args = parse_arguments(__doc__.splitlines()[0], epochs=6)
    seed_everything(args)
    started = time.time()

    manifest = read_manifest(args.data)
    classes = 1 + len(manifest['classes'])
    train_x, train_y = load_split(args.data, manifest['splits']['train'])
    val_x, val_y = load_split(args.data, manifest['splits']['validation'])
    test_x, test_y = load_split(args.data, manifest['splits']['test'])
    print(f'loaded {len(train_x)} train, {len(val_x)} validation, {len(test_x)} test images '
          f'in {time.time() - started:.0f} s', flush=True)

    model = DemoSegmentationNet(classes)

    def validate(trained):
        accuracy, mean_iou, _ = scores(confusion(trained, val_x, val_y, classes))
        return mean_iou, f'validation pixel accuracy {accuracy:.4f}, mean IoU {mean_iou:.4f}'

    fit(model, train_x, train_y, args, learning_rate=1e-2, batch=32, validate=validate)
    validation_accuracy, validation_iou, _ = scores(confusion(model, val_x, val_y, classes))
    test_accuracy, test_iou, test_ious = scores(confusion(model, test_x, test_y, classes))
    print(f'held-out test pixel accuracy {test_accuracy:.4f}, mean IoU {test_iou:.4f}', flush=True)

    export_onnx(model, manifest['size'], args.out)
    write_report(args.report, args, started, {
        'trainImages': len(train_x),
        'validationPixelAccuracy': validation_accuracy,
        'validationMeanIou': validation_iou,
        'testImages': len(test_x),
        'testPixelAccuracy': test_accuracy,
        'testMeanIou': test_iou,
        'testIouByLabel': test_ious,
    })


if __name__ == '__main__':
    main()
