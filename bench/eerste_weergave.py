#!/usr/bin/env python3
"""The dashboard's first view and a reload as a browser fetches them: bytes on the wire and requests.

    python3 bench/eerste_weergave.py http://127.0.0.1:5199/dashboard/

Starts Debian's chromium headless with an empty profile (a cold cache), opens the page, waits until the network has been
quiet for a moment after its load event (the page fetches its figures after it loads), and sums what the DevTools protocol reports as received
for every request (Network.loadingFinished encodedDataLength: headers and body as they came over the connection, compressed
where the server compressed). Then it reloads the page the way a person does (Page.reload) and counts what still went over
the network. Prints one line per view: "eerste-weergave bytes=N verzoeken=N" and "herladen bytes=N verzoeken=N
uit-cache=N". Only the standard library: a minimal WebSocket client for the DevTools connection, on 127.0.0.1.
"""
import base64
import json
import os
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.request

STIL = 1.5      # seconds without network activity that end a view
GRENS = 60.0    # a view that takes longer is reported as unfinished, never waited on forever


class Cdp:
    """One DevTools WebSocket connection: send a command, read events (unmasked frames from the browser)."""

    def __init__(self, url):
        host, rest = url[len("ws://"):].split("/", 1)
        naam, poort = host.split(":")
        self.s = socket.create_connection((naam, int(poort)), timeout=GRENS)
        sleutel = base64.b64encode(os.urandom(16)).decode()
        self.s.sendall((f"GET /{rest} HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        f"Sec-WebSocket-Key: {sleutel}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        kop = b""
        while b"\r\n\r\n" not in kop:
            kop += self.s.recv(1)
        if b" 101 " not in kop.split(b"\r\n")[0]:
            raise SystemExit(f"DevTools weigert de verbinding: {kop!r}")
        self.n = 0
        self.buffer = b""

    def stuur(self, methode, **params):
        self.n += 1
        data = json.dumps({"id": self.n, "method": methode, "params": params}).encode()
        masker = os.urandom(4)
        lengte = len(data)
        kop = bytes([0x81]) + (bytes([0x80 | lengte]) if lengte < 126 else bytes([0x80 | 126]) + struct.pack(">H", lengte)
                              if lengte < 65536 else bytes([0x80 | 127]) + struct.pack(">Q", lengte))
        self.s.sendall(kop + masker + bytes(b ^ masker[i % 4] for i, b in enumerate(data)))
        return self.n

    def _lees(self, n):
        while len(self.buffer) < n:
            stuk = self.s.recv(65536)
            if not stuk:
                raise SystemExit("DevTools sloot de verbinding")
            self.buffer += stuk
        data, self.buffer = self.buffer[:n], self.buffer[n:]
        return data

    def bericht(self, tot):
        """The next message, or None when none came before time.monotonic() reached 'tot'."""
        bericht = b""
        while True:
            over = tot - time.monotonic()
            if over <= 0 and not self.buffer:
                return None
            self.s.settimeout(max(over, 0.01))
            try:
                b0, b1 = self._lees(2)
            except (socket.timeout, TimeoutError):
                return None
            self.s.settimeout(GRENS)
            lengte = b1 & 0x7F
            if lengte == 126:
                lengte = struct.unpack(">H", self._lees(2))[0]
            elif lengte == 127:
                lengte = struct.unpack(">Q", self._lees(8))[0]
            bericht += self._lees(lengte)
            if b0 & 0x80:  # the final fragment
                if b0 & 0x0F in (1, 0):
                    return json.loads(bericht)
                bericht = b""  # a ping or close frame: not a DevTools message


def weergave(cdp, start):
    """Runs start(), then gathers the requests until the network is quiet; returns (bytes, requests, from cache, done)."""
    ontvangen, open_, uit_cache, verzoeken, urls = {}, set(), set(), set(), {}
    geladen = False  # the page's load event: its modules have run, so their first fetches are under way
    start()
    laatste = time.monotonic()
    einde = laatste + GRENS
    while True:
        b = cdp.bericht(min(einde, laatste + STIL))
        nu = time.monotonic()
        if b is None:
            if geladen and not open_ and nu - laatste >= STIL:
                return sum(ontvangen.values()), len(verzoeken), len(uit_cache), True
            if nu >= einde:
                for r in open_:
                    print(f"  nog open: {urls.get(r)}", file=sys.stderr)
                return sum(ontvangen.values()), len(verzoeken), len(uit_cache), False
            continue
        methode, p = b.get("method"), b.get("params", {})
        if methode == "Page.loadEventFired":
            geladen = True; laatste = nu
        if methode == "Network.requestWillBeSent":
            verzoeken.add(p["requestId"]); open_.add(p["requestId"]); urls[p["requestId"]] = p["request"]["url"]; laatste = nu
        elif methode == "Network.requestServedFromCache":
            uit_cache.add(p["requestId"])
        elif methode == "Network.responseReceived" and (p["response"].get("fromDiskCache") or p["response"].get("fromPrefetchCache")):
            uit_cache.add(p["requestId"])
        elif methode == "Network.loadingFinished":
            ontvangen[p["requestId"]] = 0 if p["requestId"] in uit_cache else int(p["encodedDataLength"])
            open_.discard(p["requestId"]); laatste = nu
        elif methode == "Network.loadingFailed":
            open_.discard(p["requestId"]); laatste = nu


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    adres = sys.argv[1]
    profiel = tempfile.mkdtemp(prefix="eerste-weergave-")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        poort = s.getsockname()[1]
    browser = subprocess.Popen(["chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                                f"--remote-debugging-port={poort}", "--remote-debugging-address=127.0.0.1",
                                f"--user-data-dir={profiel}", "about:blank"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(int(GRENS * 10)):
            try:
                paginas = json.load(urllib.request.urlopen(f"http://127.0.0.1:{poort}/json/list", timeout=2))
                pagina = next(p for p in paginas if p.get("type") == "page")
                break
            except (OSError, StopIteration, ValueError):
                time.sleep(0.1)
        else:
            raise SystemExit("chromium gaf geen DevTools-adres")
        cdp = Cdp(pagina["webSocketDebuggerUrl"])
        cdp.stuur("Network.enable")
        cdp.stuur("Page.enable")
        b, n, _, klaar = weergave(cdp, lambda: cdp.stuur("Page.navigate", url=adres))
        print(f"eerste-weergave bytes={b} verzoeken={n}{'' if klaar else ' (onvoltooid)'}")
        b, n, c, klaar = weergave(cdp, lambda: cdp.stuur("Page.reload"))
        print(f"herladen bytes={b} verzoeken={n} uit-cache={c}{'' if klaar else ' (onvoltooid)'}")
    finally:
        browser.terminate()
        try:
            browser.wait(10)
        except subprocess.TimeoutExpired:
            browser.kill()
        shutil.rmtree(profiel, ignore_errors=True)


if __name__ == "__main__":
    main()
