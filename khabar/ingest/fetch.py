"""Fetching feeds and article pages over HTTP(S), refusing private addresses.

A URL given to ``khabar ingest`` (or found in a feed) is fetched only over ``http``/``https``,
without proxies, following at most :data:`MAX_REDIRECTS` redirects, reading at most
:data:`MAX_BYTES`. Unless ``allow_private`` is set, the address actually connected to — checked on
the open socket, before anything is sent, so DNS tricks and redirects cannot get round it — must
be a public one: loopback, private, link-local, multicast and reserved addresses are refused.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..errors import InputError

MAX_BYTES = 10_000_000
MAX_REDIRECTS = 5
TIMEOUT = 20.0
USER_AGENT = "khabar (+https://pypi.org/project/khabar/)"


class FetchError(InputError):
    """A URL that cannot or may not be fetched."""


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched document."""

    url: str
    data: bytes
    content_type: str


def is_public(address: str) -> bool:
    """Whether ``address`` (an IP address) is a public, routable one."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def _check_peer(sock: socket.socket | None, host: str) -> None:
    if sock is None:
        return
    address = sock.getpeername()[0]
    if not is_public(address):
        sock.close()
        raise FetchError(
            f"refusing to fetch from {host} ({address}): a private or loopback address "
            "(pass --allow-private to allow it)")


class _GuardedHTTPConnection(http.client.HTTPConnection):
    def connect(self) -> None:
        super().connect()
        _check_peer(self.sock, self.host)


class _GuardedHTTPSConnection(http.client.HTTPSConnection):
    def connect(self) -> None:
        # Connect the plain socket first, check where it goes, then start TLS.
        http.client.HTTPConnection.connect(self)
        _check_peer(self.sock, self.host)
        server = self._tunnel_host or self.host
        self.sock = self._context.wrap_socket(self.sock, server_hostname=server)


class _GuardedHTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_GuardedHTTPConnection, req)


class _GuardedHTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_GuardedHTTPSConnection, req, context=self._context)


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        if urlsplit(newurl).scheme not in ("http", "https"):
            raise FetchError(f"redirected to {newurl}, which is not http(s)", req.full_url)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener(allow_private: bool) -> urllib.request.OpenerDirector:
    opener = urllib.request.OpenerDirector()
    handlers: list[urllib.request.BaseHandler] = [
        urllib.request.ProxyHandler({}),
        urllib.request.HTTPHandler() if allow_private else _GuardedHTTPHandler(),
        urllib.request.HTTPSHandler() if allow_private else _GuardedHTTPSHandler(),
        _Redirects(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
    ]
    for handler in handlers:
        opener.add_handler(handler)
    return opener


def is_url(source: str) -> bool:
    """Whether ``source`` is an http(s) URL rather than a path."""
    return urlsplit(source).scheme in ("http", "https")


def fetch(url: str, allow_private: bool = False, timeout: float = TIMEOUT) -> Fetched:
    """GET ``url``; a :class:`FetchError` naming the URL for anything that goes wrong."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError("not an http(s) URL", url)
    request = urllib.request.Request(url, headers={
        "User-Agent": USER_AGENT,
        "Accept": "application/rss+xml, application/atom+xml, text/html;q=0.9, */*;q=0.5",
    })
    try:
        with _opener(allow_private).open(request, timeout=timeout) as response:
            data = response.read(MAX_BYTES + 1)
            final = response.geturl()
            content_type = response.headers.get("Content-Type", "")
    except FetchError as exc:
        raise FetchError(exc.message, url) from None
    except urllib.error.HTTPError as exc:
        raise FetchError(f"HTTP {exc.code} {exc.reason}", url) from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, FetchError):
            raise FetchError(reason.message, url) from None
        raise FetchError(f"cannot fetch ({reason})", url) from None
    except (OSError, http.client.HTTPException, ValueError) as exc:
        raise FetchError(f"cannot fetch ({exc})", url) from None
    if len(data) > MAX_BYTES:
        raise FetchError(f"over {MAX_BYTES:,} bytes; not fetched", url)
    return Fetched(final, data, content_type)
