"""Read bandwidth of this machine with two threads (numpy's sum releases the GIL): GB/s on stdout."""

import sys
import threading
import time

import numpy as np

threads = int(sys.argv[1]) if len(sys.argv) > 1 else 2
data = np.ones(256 * 1024 * 1024 // 4 * threads, dtype=np.float32)  # 256 MiB per thread, far beyond L3
parts = np.array_split(data, threads)
best = 0.0
for _ in range(5):
    workers = [threading.Thread(target=np.add.reduce, args=(part,)) for part in parts]
    start = time.perf_counter()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    best = max(best, data.nbytes / (time.perf_counter() - start) / 1e9)
print(f"{best:.2f}")
