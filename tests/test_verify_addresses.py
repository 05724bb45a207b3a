"""Server-side request forgery refused: which addresses whereas fetches from, judged on their own and
against real servers on 127.0.0.1 (no traffic ever leaves 127.0.0.0/8: refused addresses are only
judged, never connected to)."""

from __future__ import annotations

import asyncio

import pytest

from verify_server import Server
from whereas.errors import UsageError
from whereas.verify.addresses import AllowedHost, is_allowed, permitted_addresses, refusal
from whereas.verify.fetch import Fetcher, FetchOptions, FetchResult


@pytest.mark.parametrize(
    ("address", "why"),
    [
        ("10.0.0.1", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("127.0.0.2", "loopback"),
        ("169.254.169.254", "link-local"),  # cloud metadata
        ("0.0.0.0", "unspecified"),
        ("224.0.0.1", "multicast"),
        ("100.64.0.1", "non-global"),  # carrier-grade NAT (and some clouds' metadata, 100.100.100.200)
        ("240.0.0.1", "reserved"),
        ("::1", "loopback"),
        ("::", "unspecified"),
        ("fe80::1", "link-local"),
        ("fc00::1", "private"),
        ("ff02::1", "multicast"),
        ("::ffff:127.0.0.1", "loopback"),  # IPv4-mapped
        ("::ffff:169.254.169.254", "link-local"),
        ("64:ff9b::7f00:1", "loopback"),  # NAT64 of 127.0.0.1
        ("64:ff9b::a00:1", "private"),  # NAT64 of 10.0.0.1
        ("2002:7f00:1::1", "loopback"),  # 6to4 of 127.0.0.1
    ],
)
def test_refused_addresses(address: str, why: str) -> None:
    assert not is_allowed(address)
    assert why in (refusal(address) or "")


@pytest.mark.parametrize(
    "address", ["93.184.216.34", "2606:2800:220:1::1", "8.8.8.8", "64:ff9b::5db8:d822", "::ffff:93.184.216.34"]
)
def test_public_addresses_allowed(address: str) -> None:
    assert is_allowed(address) and refusal(address) is None


def test_allowed_host_entries() -> None:
    assert AllowedHost.parse("127.0.0.1") == AllowedHost("127.0.0.1")
    assert AllowedHost.parse("Intranet.Example.:8080") == AllowedHost("intranet.example", 8080)
    assert AllowedHost.parse("[::1]:8080") == AllowedHost("::1", 8080) and AllowedHost.parse("::1") == AllowedHost(
        "::1"
    )
    assert AllowedHost.parse("127.0.0.1").matches("127.0.0.1", 80) and AllowedHost.parse("127.0.0.1").matches(
        "127.0.0.1", 9999
    )
    assert AllowedHost.parse("127.0.0.1:8080").matches("127.0.0.1", 8080) and not AllowedHost.parse(
        "127.0.0.1:8080"
    ).matches("127.0.0.1", 8081)
    assert AllowedHost.parse("intranet.example").matches("INTRANET.example.", 443)
    assert not AllowedHost.parse("127.0.0.1").matches("127.0.0.2", 80) and not AllowedHost.parse("example").matches(
        "example.test", 80
    )
    assert AllowedHost.parse("::1").matches("0:0::1", 80)
    for bad in ("", "a b", "host:0", "host:x", "host:70000", "http://host", "user@host", "[::1]x"):
        with pytest.raises(ValueError):
            AllowedHost.parse(bad)
    with pytest.raises(UsageError, match="allow_hosts"):
        FetchOptions(allow_hosts="127.0.0.1")  # type: ignore[arg-type]
    with pytest.raises(UsageError, match="allow_hosts: not HOST"):
        FetchOptions(allow_hosts=("a b",))
    with pytest.raises(UsageError, match="must be at least 1"):
        FetchOptions(per_host=0)


def test_permitted_addresses_keep_the_allowed_ones_in_order() -> None:
    async def resolver(host: str, port: int) -> list[str]:
        return {"mixed.test": ["127.0.0.1", "93.184.216.34"], "inside.test": ["10.0.0.1", "127.0.0.1"]}[host]

    async def run() -> None:
        assert await permitted_addresses("mixed.test", 80, resolver=resolver) == ["93.184.216.34"]
        assert await permitted_addresses("inside.test", 80, (AllowedHost("inside.test"),), resolver) == [
            "10.0.0.1",
            "127.0.0.1",
        ]
        with pytest.raises(Exception, match="blocked address: inside.test resolves to 10.0.0.1, a private address"):
            await permitted_addresses("inside.test", 80, resolver=resolver)

    asyncio.run(run())  # judged only: nothing is connected to


# ---------------------------------------------------------------------------------------------
# Against real loopback servers


@pytest.fixture()
def servers():  # type: ignore[no-untyped-def]
    a, b = Server(), Server()
    yield a, b
    a.close()
    b.close()


def fetch(urls: list[str], allow: tuple[str, ...] = (), **kwargs: object) -> list[FetchResult]:
    async def run() -> list[FetchResult]:
        async with Fetcher(FetchOptions(deadline=3, backoff=0.05, allow_hosts=allow), **kwargs) as f:  # type: ignore[arg-type]
            return list(await asyncio.gather(*(f.fetch(u) for u in urls)))

    return asyncio.run(run())


def test_loopback_is_refused_unless_allowed(servers: tuple[Server, Server]) -> None:
    a, _ = servers
    url = a.route("/page", body=b"inside words", content_type="text/plain")
    (r,) = fetch([url])
    assert r.status == "blocked" and r.error.startswith("blocked address: 127.0.0.1 is a loopback address")
    assert r.http_status is None and r.body is None and a.hits["/page"] == 0  # no request reached the server
    (ok,) = fetch([url], (a.allowed,))
    assert ok.status == "ok" and ok.body == b"inside words" and a.hits["/page"] == 1
    (any_port,) = fetch([url], ("127.0.0.1",))
    assert any_port.status == "ok" and a.hits["/page"] == 2


def test_a_redirect_to_a_refused_address_is_not_followed(servers: tuple[Server, Server]) -> None:
    a, b = servers
    b.route("/secret", body=b"internal", content_type="text/plain")
    start = a.route("/go", status=302, headers={"Location": b.url("/secret")})
    (r,) = fetch([start], (a.allowed,))  # only a's port is allowed: b is another loopback service
    assert r.status == "blocked" and r.body is None
    assert (
        r.error
        == f"blocked address: redirected to {b.url('/secret')}; 127.0.0.1 is a loopback address (--allow-host 127.0.0.1 would fetch it)"
    )
    assert a.hits["/go"] == 1 and b.hits["/secret"] == 0


def test_a_name_that_resolves_to_loopback(servers: tuple[Server, Server]) -> None:
    """A public-looking name whose DNS answer is loopback is refused; allowed, it is fetched from the
    address the guard resolved (one lookup, by the given resolver), with the name as Host header."""
    _, b = servers
    b.route("/page", body=b"words", content_type="text/plain")
    lookups: list[str] = []

    async def resolver(host: str, port: int) -> list[str]:
        lookups.append(host)
        return ["127.0.0.1"] if host == "example.test" else []

    url = f"http://example.test:{b.port}/page"
    (r,) = fetch([url], resolver=resolver)
    assert r.status == "blocked" and "example.test resolves to 127.0.0.1, a loopback address" in r.error
    assert b.hits["/page"] == 0 and lookups == ["example.test"]
    (ok,) = fetch([url], ("example.test",), resolver=resolver)
    assert ok.status == "ok" and ok.body == b"words" and ok.final_url == url
    assert b.host_headers == [f"example.test:{b.port}"] and lookups == ["example.test"] * 2
