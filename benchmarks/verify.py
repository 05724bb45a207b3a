"""Benchmark the fetcher's concurrency: 500 citations, 20 hosts, every answer 200 ms late.

    .venv/bin/python benchmarks/verify.py [--urls 500] [--hosts 20] [--delay 0.2]

A small asyncio HTTP/1.1 server (keep-alive) listens on 20 loopback ports — 20 "hosts" for
the per-host limit — in its own thread, and answers every request after ``--delay`` seconds.
The fetcher runs with its default limits (16 in flight overall, 4 per host).  Printed: the
total time, the lower bound those limits allow (ceil(urls / min(global, hosts × per_host)) ×
delay), the ratio (goal ≤ 1.5×), and a sequential baseline (20 fetches one at a time,
extrapolated to all the URLs).  Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import threading
import time

from whereas.verify.fetch import Fetcher, FetchOptions

BODY = b"<html><head><title>Citation</title></head><body><p>The cited words stand here.</p></body></html>"


async def _handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, delay: float) -> None:
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            if not head:
                break
            await asyncio.sleep(delay)
            writer.write(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n" % len(BODY)
                + BODY
            )
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()


def start_servers(hosts: int, delay: float) -> tuple[list[int], asyncio.AbstractEventLoop]:
    loop = asyncio.new_event_loop()
    ports: list[int] = []
    ready = threading.Event()

    async def main() -> None:
        for _ in range(hosts):
            server = await asyncio.start_server(lambda r, w: _handle(r, w, delay), "127.0.0.1", 0, backlog=512)
            ports.append(server.sockets[0].getsockname()[1])
        ready.set()

    def run() -> None:
        asyncio.set_event_loop(loop)
        loop.run_until_complete(main())
        loop.run_forever()

    threading.Thread(target=run, daemon=True).start()
    ready.wait()
    return ports, loop


#: the servers are on loopback, which whereas refuses to fetch from unless allowed
LOOPBACK = ("127.0.0.1",)


async def fetch_all(urls: list[str], options: FetchOptions) -> float:
    t = time.perf_counter()
    async with Fetcher(options) as f:
        results = await asyncio.gather(*(f.fetch(u) for u in urls))
    elapsed = time.perf_counter() - t
    bad = [r for r in results if r.status != "ok"]
    if bad:
        raise SystemExit(f"{len(bad)} fetches failed, e.g. {bad[0]}")
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--urls", type=int, default=500)
    ap.add_argument("--hosts", type=int, default=20)
    ap.add_argument("--delay", type=float, default=0.2)
    ap.add_argument("--sequential", type=int, default=20, help="fetches timed one at a time for the baseline")
    args = ap.parse_args()
    ports, _ = start_servers(args.hosts, args.delay)
    urls = [f"http://127.0.0.1:{ports[i % args.hosts]}/cite/{i}" for i in range(args.urls)]
    options = FetchOptions(allow_hosts=LOOPBACK)
    total = asyncio.run(fetch_all(urls, options))
    slots = min(options.concurrency, args.hosts * options.per_host)
    bound = math.ceil(args.urls / slots) * args.delay
    seq = asyncio.run(fetch_all(urls[: args.sequential], FetchOptions(concurrency=1, per_host=1, allow_hosts=LOOPBACK)))
    seq_all = seq / args.sequential * args.urls
    print(f"{args.urls} citations over {args.hosts} hosts, {args.delay * 1000:.0f} ms per answer")
    print(f"limits: {options.concurrency} in flight overall, {options.per_host} per host -> {slots} slots")
    print(f"total time:          {total:7.2f} s")
    print(f"lower bound:         {bound:7.2f} s  (ceil({args.urls}/{slots}) x {args.delay} s)")
    print(f"ratio:               {total / bound:7.2f} x  (goal <= 1.5 x)")
    print(
        f"sequential baseline: {seq_all:7.2f} s  ({args.sequential} fetches one at a time: {seq:.2f} s, extrapolated)"
    )
    print(f"speed-up:            {seq_all / total:7.1f} x")


if __name__ == "__main__":
    main()
