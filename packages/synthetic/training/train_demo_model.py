#!/usr/bin/env python3
"""Trains polycam's bundled demo CNN on the synthetic benchmark and exports it to ONNX.

A development tool only: the library, the CLI and the tests never run Python. It needs Debian's
PyTorch (apt-get install python3-torch python3-pil) and is driven by
`npm run train:demo-model`, which generates the benchmark first and writes the model's
metadata afterwards.

Usage: /usr/bin/python3 train_demo_model.py --data DIR --out FILE.onnx --report FILE.json
"""
import time

import torch
import torch.nn as nn

from demo_training import export_onnx, fit, load_images, parse_arguments, read_manifest, seed_everything, write_report


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
    y = torch.tensor([item['objects'][0]['label'] for item in images])
    return load_images(folder, images), y


def accuracy(model, x, y, batch=256):
    model.eval()
    correct = 0
    with torch.no_grad():
        for start in range(0, len(x), batch):
            correct += (model(x[start:start + batch]).argmax(1) == y[start:start + batch]).sum().item()
    return correct / len(x)


def main():
    args = parse_arguments(__doc__.splitlines()[0], epochs=10)
    seed_everything(args)
    started = time.time()

    manifest = read_manifest(args.data)
    single = lambda split: [item for item in manifest['splits'][split] if item['kind'] == 'single']
    train_x, train_y = load_split(args.data, single('train'))
    val_x, val_y = load_split(args.data, single('validation'))
    test_x, test_y = load_split(args.data, single('test'))
    print(f'loaded {len(train_x)} train, {len(val_x)} validation, {len(test_x)} test images', flush=True)

    model = DemoCnn(len(manifest['classes']))

    def validate(trained):
        validation = accuracy(trained, val_x, val_y)
        return validation, f'validation accuracy {validation:.4f}'

    validation, _ = fit(model, train_x, train_y, args, learning_rate=3e-3, batch=64, validate=validate)
    test = accuracy(model, test_x, test_y)
    print(f'held-out test accuracy {test:.4f}', flush=True)

    export_onnx(model, manifest['size'], args.out)
    write_report(args.report, args, started, {
        'trainImages': len(train_x),
        'validationAccuracy': validation,
        'testImages': len(test_x),
        'testAccuracy': test,
    })


if __name__ == '__main__':
    main()
