"""Read bandwidth of this machine: N processes each sum their own 256 MiB array at the same moment (processes,
not threads, so nothing serializes them). Prints GB/s, the best of five rounds."""

import multiprocessing as mp
import sys
import time

import numpy as np

SIZE = 256 * 1024 * 1024


def reader(barrier, done, rounds):
    data = np.ones(SIZE // 4, dtype=np.float32)
    data.sum()  # fault the pages in before timing
    for _ in range(rounds):
        barrier.wait()
        data.sum()
        done.wait()


def main():
    workers = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    rounds = 5
    barrier = mp.Barrier(workers + 1)
    done = mp.Barrier(workers + 1)
    procs = [mp.Process(target=reader, args=(barrier, done, rounds)) for _ in range(workers)]
    for p in procs:
        p.start()
    best = 0.0
    for _ in range(rounds):
        barrier.wait()
        start = time.perf_counter()
        done.wait()
        best = max(best, workers * SIZE / (time.perf_counter() - start) / 1e9)
    for p in procs:
        p.join()
    print(f"{best:.2f}")


if __name__ == "__main__":
    main()
