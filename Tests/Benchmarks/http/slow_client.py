"""A slow-header client against a normal one, to show the header timeout in action.

One connection sends a request head one byte per second; meanwhile another client sends a
normal request every second. Prints a line per second for the fast client and, at the end, how
long the slow client was connected and what it was told. Usage: slow_client.py HOST PORT
"""
import socket
import sys
import threading
import time

HOST, PORT = sys.argv[1], int(sys.argv[2])
start = time.monotonic()
done = threading.Event()


def elapsed():
    return f"{time.monotonic() - start:5.1f}s"


def slow():
    s = socket.create_connection((HOST, PORT))
    head = b"GET /health HTTP/1.1\r\nHost: slow\r\nX-Padding: " + b"x" * 100
    sent = 0
    s.settimeout(1.0)
    answer = b""
    while sent < len(head):
        try:
            s.sendall(head[sent:sent + 1])
            sent += 1
        except OSError:
            break
        try:
            chunk = s.recv(4096)
            if not chunk:
                break
            answer += chunk
        except socket.timeout:
            continue
        except OSError:
            break
    s.settimeout(5.0)
    try:
        while True:
            chunk = s.recv(4096)
            if not chunk:
                break
            answer += chunk
    except OSError:
        pass
    status = answer.split(b"\r\n")[0].decode() or "(connection closed without an answer)"
    print(f"{elapsed()} slow client: sent {sent} bytes at 1 byte/s, then got: {status}", flush=True)
    done.set()


threading.Thread(target=slow, daemon=True).start()
while not done.is_set():
    t0 = time.monotonic()
    with socket.create_connection((HOST, PORT), timeout=5) as s:
        s.sendall(b"GET /health HTTP/1.1\r\nHost: fast\r\nConnection: close\r\n\r\n")
        reply = b""
        while chunk := s.recv(4096):
            reply += chunk
    took = (time.monotonic() - t0) * 1000
    status = reply.split(b"\r\n")[0].decode()
    print(f"{elapsed()} other client: {status} in {took:.1f} ms", flush=True)
    done.wait(1.0)
