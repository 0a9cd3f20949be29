#!/usr/bin/env python3
"""Writes the Fashion-MNIST slice that ships with the samples (so the main job runs with nothing
installed): the first 300 training images of each class and the first 1000 test images, from
Debian's dataset-fashion-mnist, in the original IDX gzip format. Deterministic (gzip mtime 0).

    python3 samples/tools/make_fashion_slice.py /usr/share/datasets/fashion-mnist \
        samples/src/main/resources/dev/anneal/samples/data/fashion-mnist-slice
"""
import gzip
import struct
import sys
from pathlib import Path

PER_CLASS = 300
TEST = 1000


def read(path):
    data = gzip.open(path, "rb").read()
    magic, count = struct.unpack(">II", data[:8])
    dims = magic & 0xFF
    shape = struct.unpack(">" + "I" * (dims - 1), data[8:4 + 4 * dims]) if dims > 1 else ()
    header = 4 + 4 * dims
    item = 1
    for d in shape:
        item *= d
    return magic, shape, [data[header + i * item: header + (i + 1) * item] for i in range(count)]


def write(path, magic, shape, items):
    header = struct.pack(">II", magic, len(items)) + b"".join(struct.pack(">I", d) for d in shape)
    with open(path, "wb") as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as out:
            out.write(header + b"".join(items))


def main(src, dst):
    src, dst = Path(src), Path(dst)
    dst.mkdir(parents=True, exist_ok=True)
    im_magic, im_shape, images = read(src / "train-images-idx3-ubyte.gz")
    lb_magic, lb_shape, labels = read(src / "train-labels-idx1-ubyte.gz")
    taken, counts = [], [0] * 10
    for i, label in enumerate(labels):
        if counts[label[0]] < PER_CLASS:
            counts[label[0]] += 1
            taken.append(i)
    write(dst / "train-images-idx3-ubyte.gz", im_magic, im_shape, [images[i] for i in taken])
    write(dst / "train-labels-idx1-ubyte.gz", lb_magic, lb_shape, [labels[i] for i in taken])
    im_magic, im_shape, images = read(src / "t10k-images-idx3-ubyte.gz")
    lb_magic, lb_shape, labels = read(src / "t10k-labels-idx1-ubyte.gz")
    write(dst / "t10k-images-idx3-ubyte.gz", im_magic, im_shape, images[:TEST])
    write(dst / "t10k-labels-idx1-ubyte.gz", lb_magic, lb_shape, labels[:TEST])


if __name__ == "__main__":
    main(*sys.argv[1:3])
