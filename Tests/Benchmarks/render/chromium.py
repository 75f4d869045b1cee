"""Warm headless Chromium driven over the DevTools protocol on a pipe (--remote-debugging-pipe).

Chromium reads NUL-terminated JSON commands from fd 3 and writes replies and events to fd 4. One
browser and one tab serve every measurement, so the times are warm: set the page content, wait for
fonts, capture a screenshot.
"""
import base64
import json
import os
import shutil
import subprocess
import tempfile
import time


class Chromium:
    def __init__(self, width, height):
        self.profile = tempfile.mkdtemp(prefix="ogpress-bench-chromium-")
        to_browser_read, self.to_browser = os.pipe()
        self.from_browser, from_browser_write = os.pipe()
        binary = shutil.which("chromium") or shutil.which("chromium-browser") or "chromium"
        command = (
            f"exec {binary} --headless --no-sandbox --disable-gpu --hide-scrollbars "
            f"--force-device-scale-factor=1 --user-data-dir={self.profile} "
            f"--remote-debugging-pipe 3<&{to_browser_read} 4>&{from_browser_write}"
        )
        self.process = subprocess.Popen(
            ["sh", "-c", command],
            pass_fds=(to_browser_read, from_browser_write),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(to_browser_read)
        os.close(from_browser_write)
        self.buffer = b""
        self.next_id = 0
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.call("Page.enable", session=True)
        self.call(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
            session=True,
        )
        self.frame = self.call("Page.getFrameTree", session=True)["frameTree"]["frame"]["id"]

    def call(self, method, params=None, session=False):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = self.session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        while True:
            while b"\0" not in self.buffer:
                chunk = os.read(self.from_browser, 1 << 20)
                if not chunk:
                    raise RuntimeError("chromium closed the pipe")
                self.buffer += chunk
            raw, self.buffer = self.buffer.split(b"\0", 1)
            reply = json.loads(raw)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def render(self, html, image_format="png", quality=90):
        """Sets the page content, waits for fonts, captures the viewport; returns (bytes, seconds)."""
        start = time.perf_counter()
        self.call("Page.setDocumentContent", {"frameId": self.frame, "html": html}, session=True)
        self.call(
            "Runtime.evaluate",
            {"expression": "document.fonts.ready.then(() => true)", "awaitPromise": True},
            session=True,
        )
        params = {"format": image_format}
        if image_format != "png":
            params["quality"] = quality
        data = self.call("Page.captureScreenshot", params, session=True)["data"]
        elapsed = time.perf_counter() - start
        return base64.b64decode(data), elapsed

    def close(self):
        try:
            self.call("Browser.close")
        except (RuntimeError, OSError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        os.close(self.to_browser)
        os.close(self.from_browser)
        shutil.rmtree(self.profile, ignore_errors=True)
