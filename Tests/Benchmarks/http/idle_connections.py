"""Opens many keep-alive connections to a server, leaves them idle, and reports the server's RSS.

Each connection sends one request and reads its answer first, so it is an idle keep-alive
connection (not a silent one a header timeout would close). Usage:
    idle_connections.py HOST PORT COUNT SERVER_PID
"""
import asyncio
import os
import sys

HOST, PORT, COUNT, PID = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
REQUEST = b"GET /health HTTP/1.1\r\nHost: bench\r\n\r\n"


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS")


async def open_one(limit):
    async with limit:
        reader, writer = await asyncio.open_connection(HOST, PORT)
        writer.write(REQUEST)
        head = await reader.readuntil(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n"):
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        await reader.readexactly(length)
        if not head.startswith(b"HTTP/1.1 200"):
            raise RuntimeError(head.split(b"\r\n")[0].decode())
        return writer


async def main():
    before = rss_kib(PID)
    # Fewer requests in flight than the worker queue holds (256), so none is refused with 503.
    limit = asyncio.Semaphore(128)
    writers = await asyncio.gather(*(open_one(limit) for _ in range(COUNT)))
    await asyncio.sleep(1)
    held = rss_kib(PID)
    # The server's open descriptors prove the connections are really held on its side.
    descriptors = len(os.listdir(f"/proc/{PID}/fd"))
    for writer in writers:
        writer.close()
    print(f"{COUNT} {before} {held} {descriptors}")


asyncio.run(main())
