"""A bounded local HTTP server for the search benchmark: gzip as a web server would, and count what it sends.

A fixed pool of worker threads answers requests (HTTP/1.0, one request per
connection), so the server cannot grow without bound under a browser's
parallel requests. Responses are gzip-compressed when the browser accepts it
and compression saves at least a tenth (Pagefind's index files are already
compressed and go as they are); compressed bodies are cached per file, so a
warm-up pass keeps compression time out of the timed runs. Every response is
logged as (seconds since start, path, body bytes sent).
"""

from __future__ import annotations

import gzip
import http.server
import mimetypes
import socketserver
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

WORKERS = 8


class _Handler(http.server.BaseHTTPRequestHandler):
    server: CountingServer

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 (the http.server naming)
        """Serve a file of the site, gzip-compressed when that is worth it."""
        path = unquote(urlsplit(self.path).path)
        file = (self.server.root / path.lstrip("/")).resolve()
        if file.is_dir():
            file = file / "index.html"
        if self.server.root not in file.parents or not file.is_file():
            self.send_error(404)
            return
        gzipped = "gzip" in self.headers.get("Accept-Encoding", "")
        body, encoded = self.server.body(file, gzipped)
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        self.send_response(200)
        self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") or kind.endswith("javascript") else ""))
        self.send_header("Content-Length", str(len(body)))
        if encoded:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        self.wfile.write(body)
        self.server.record(path, len(body))


class CountingServer(socketserver.TCPServer):
    """Serves `root` on 127.0.0.1 from a fixed thread pool and logs the bytes of every response."""

    allow_reuse_address = True

    def __init__(self, root: Path) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.root = root.resolve()
        self.started = time.perf_counter()
        self.log: list[tuple[float, str, int]] = []
        self._lock = threading.Lock()
        self._cache: dict[Path, bytes | None] = {}
        self._pool = ThreadPoolExecutor(max_workers=WORKERS)

    @property
    def url(self) -> str:
        """The address of the site's root."""
        return f"http://127.0.0.1:{self.server_address[1]}/"

    def process_request(self, request: Any, client_address: Any) -> None:
        """Hand the connection to the pool instead of a new thread."""
        self._pool.submit(self._serve, request, client_address)

    def _serve(self, request: Any, client_address: Any) -> None:
        try:
            self.finish_request(request, client_address)
        except Exception:  # a browser that closed the connection early
            self.handle_error(request, client_address)
        finally:
            self.shutdown_request(request)

    def body(self, file: Path, gzipped: bool) -> tuple[bytes, bool]:
        """The bytes to send for `file`, and whether they are gzip-encoded."""
        raw = file.read_bytes()
        if not gzipped:
            return raw, False
        with self._lock:
            cached = self._cache.get(file, b"")
        if cached == b"":
            packed = gzip.compress(raw, compresslevel=6, mtime=0)
            cached = packed if len(packed) < 0.9 * len(raw) else None
            with self._lock:
                self._cache[file] = cached
        return (cached, True) if cached is not None else (raw, False)

    def record(self, path: str, sent: int) -> None:
        """Log one response."""
        with self._lock:
            self.log.append((time.perf_counter() - self.started, path, sent))

    def mark(self) -> int:
        """A position in the log, to count what was sent after it."""
        with self._lock:
            return len(self.log)

    def sent_since(self, mark: int) -> list[tuple[float, str, int]]:
        """The responses logged after `mark`."""
        with self._lock:
            return self.log[mark:]

    def start(self) -> CountingServer:
        """Serve in a background thread."""
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        """Stop serving and let the pool finish."""
        self.shutdown()
        self.server_close()
        self._pool.shutdown(wait=False, cancel_futures=True)
