"""The room: the projector's page and the participants' phones, served from the
app's own event loop over the running workshop's read model.

`server.Room` is the server, `host.WorkshopHost` what it asks of the workshop,
`net.reachable_addresses` the machine's LAN addresses, `qr` the join link drawn.
Nothing is imported here: importing the package costs nothing until a room opens
(aiohttp is not on the way to the first frame)."""
