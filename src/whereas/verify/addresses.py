"""Which addresses whereas will fetch from: the guard against server-side request forgery.

A URL in a resolution's notes, or a redirect from one, must not make whereas reach into the network
it runs in (a router's admin page, a cloud's metadata service at 169.254.169.254, a database on
localhost).  So before each connection — the first hop and every redirect — the host is resolved
once, each address is judged by :func:`refusal`, and the connection goes to an address that passed
(see ``Fetcher`` in ``fetch.py``): no second lookup that could answer differently.

Refused: loopback, private, link-local, multicast, reserved, unspecified and any other address that
is not globally reachable (IPv4 and IPv6), judged by the IPv4 address inside an IPv4-mapped
(``::ffff:a.b.c.d``), NAT64 (``64:ff9b::/96``) or 6to4 (``2002::/16``) IPv6 address.  Hosts named
with ``--allow-host HOST[:PORT]`` (or ``[verify] allow-hosts``) are fetched whatever their address.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass

from whereas.errors import BlockedAddress, UsageError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

#: host, port → the host's addresses (``getaddrinfo`` by default; tests give their own)
Resolver = Callable[[str, int], Awaitable[Sequence[str]]]

NAT64 = ipaddress.IPv6Network("64:ff9b::/96")

# the ``ipaddress`` properties that refuse an address, in the order their names are reported
_REFUSED = (
    ("is_unspecified", "an unspecified"),
    ("is_loopback", "a loopback"),
    ("is_link_local", "a link-local"),
    ("is_multicast", "a multicast"),
    ("is_reserved", "a reserved"),
    ("is_private", "a private"),
)


def refusal(address: str | IPAddress) -> str | None:
    """Why whereas will not connect to ``address`` ("a loopback address"…), or None when it may.

    >>> refusal("127.0.0.2"), refusal("93.184.216.34")
    ('a loopback address', None)
    """
    ip = ipaddress.ip_address(address) if isinstance(address, str) else address
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(ip)
        if embedded is not None:
            why = refusal(embedded)
            return f"{why} ({embedded}) inside an IPv6" if why else None
    for prop, name in _REFUSED:
        if getattr(ip, prop):
            return f"{name} address"
    if not ip.is_global:
        return "a non-global address"
    return None


def is_allowed(address: str | IPAddress) -> bool:
    """Whether whereas may connect to ``address`` (an IPv4 or IPv6 address, no host name)."""
    return refusal(address) is None


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv4-mapped, NAT64 or 6to4 address leads to."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip in NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return ip.sixtofour


def ip_literal(host: str) -> IPAddress | None:
    """``host`` as an address when it is one (``[::1]`` and zone ids ``fe80::1%eth0`` included)."""
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


@dataclass(frozen=True)
class AllowedHost:
    """A host fetched whatever its address: ``--allow-host HOST[:PORT]`` (any port without one)."""

    host: str
    port: int | None = None

    @classmethod
    def parse(cls, entry: str) -> AllowedHost:
        """``"127.0.0.1"``, ``"intranet.example:8080"``, ``"::1"``, ``"[::1]:8080"``; ValueError otherwise."""
        text = entry.strip()
        host, port = text, None
        if text.startswith("["):  # [IPv6]:port
            host, _, rest = text[1:].partition("]")
            if rest and not rest.startswith(":"):
                raise ValueError(f"not HOST[:PORT]: {entry!r}")
            port = rest[1:] or None if rest else None
        elif text.count(":") == 1:
            host, port = text.split(":")
        if port is not None and not (port.isdigit() and 0 < int(port) < 65536):
            raise ValueError(f"bad port in {entry!r}: expected HOST[:PORT], e.g. 127.0.0.1:8080")
        host = host.strip().rstrip(".").lower()
        if not host.isascii():  # as URLs carry it: bücher.example → xn--bcher-kva.example
            try:
                host = host.encode("idna").decode("ascii")
            except UnicodeError:
                raise ValueError(f"not a host name: {entry!r}") from None
        if not host or any(c in host for c in "/@ \t?#"):
            raise ValueError(f"not HOST[:PORT]: {entry!r}")
        return cls(host, int(port) if port is not None else None)

    def matches(self, host: str, port: int) -> bool:
        if self.port is not None and self.port != port:
            return False
        host = host.rstrip(".").lower()
        mine, theirs = ip_literal(self.host), ip_literal(host)
        if mine is not None or theirs is not None:
            return mine == theirs
        return self.host == host

    def __str__(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return host if self.port is None else f"{host}:{self.port}"


def parse_allowed(entries: Iterable[str]) -> tuple[AllowedHost, ...]:
    return tuple(AllowedHost.parse(e) for e in entries)


def allowed_hosts(entries: Iterable[str], *, source: str) -> tuple[AllowedHost, ...]:
    """:func:`parse_allowed`, a bad entry raising :class:`UsageError` that names ``source`` ("--allow-host")."""
    try:
        return parse_allowed(entries)
    except ValueError as exc:
        raise UsageError(f"{source}: {exc}") from None


async def system_resolver(host: str, port: int) -> list[str]:
    """The host's addresses from ``getaddrinfo``, in its order, without repeats."""
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


async def permitted_addresses(
    host: str,
    port: int,
    allowed: Sequence[AllowedHost] = (),
    resolver: Resolver = system_resolver,
) -> list[str]:
    """The addresses of ``host`` whereas may connect to, in the resolver's order; never empty.

    An allowed host's addresses all pass; otherwise refused addresses are dropped, and when none
    is left :class:`BlockedAddress` says why.  A resolver failure (``OSError``) propagates.
    """
    literal = ip_literal(host)
    addresses = [str(literal)] if literal is not None else list(await resolver(host, port))
    if any(a.matches(host, port) for a in allowed):
        return addresses
    if not addresses:
        raise OSError(f"no address for {host}")
    permitted = [a for a in addresses if is_allowed(a)]
    if permitted:
        return permitted
    first = addresses[0]
    why = refusal(first)
    where = f"{host} is {why}" if literal is not None else f"{host} resolves to {first}, {why}"
    raise BlockedAddress(f"blocked address: {where} (--allow-host {host} would fetch it)")
