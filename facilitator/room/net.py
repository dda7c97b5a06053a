"""Which of this machine's addresses the phones in the room could reach."""

from __future__ import annotations

import ipaddress
import socket

ROUTE_PROBE = ("192.0.2.1", 9)
"""An address of TEST-NET-1 (RFC 5737), never in use: a UDP socket "connected" to it
makes the system pick the address it would send from, and sends nothing."""


def usable(address: str) -> bool:
    """An IPv4 address another device on the room's network could open."""
    try:
        ip = ipaddress.IPv4Address(address)
    except ValueError:
        return False
    return not (ip.is_loopback or ip.is_link_local or ip.is_unspecified or ip.is_multicast)


def reachable_addresses(hostname: str | None = None) -> list[str]:
    """This machine's LAN IPv4 addresses, the one of the default route first; empty
    when there is none (no network: the screen suggests a phone hotspot). Nothing is
    sent: connecting a UDP socket only asks the system for a route."""
    found: list[str] = []
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(ROUTE_PROBE)
            found.append(str(probe.getsockname()[0]))
    except OSError:
        pass  # no route at all: no network
    try:
        infos = socket.getaddrinfo(hostname or socket.gethostname(), None, socket.AF_INET)
    except OSError:
        infos = []
    found += [str(info[4][0]) for info in infos]
    return [a for a in dict.fromkeys(found) if usable(a)]
