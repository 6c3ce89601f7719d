#!/usr/bin/env python3
"""A real SMTP server on loopback for the Mail module's tests (aiosmtpd from PyPI).

Every message received is stored in --dir as NNNN.eml (the data as received, after the
server removed the dot-stuffing) and NNNN.json (envelope, session facts and the message
decoded by Python's email package: subject, addresses, text and HTML bodies). The JSON
file is written last and before the 250 reply, so a client that got its 250 can read both.

Recipients steer the server, so the tests can provoke each reply:
  refuse*@...   550 5.1.1 to RCPT TO (permanent)
  later*@...    450 4.2.1 to RCPT TO (transient)
  vanish*@...   the message is stored, then the connection is closed without a reply
  slow*@...     RCPT TO is answered after --slow-seconds (default 3): time to kill the client mid-send

Messages are numbered on from the files already in --dir, so a server restarted on the same
directory (the queue tests stop and start it) keeps what the previous one received.

Once listening it writes --dir/server.json ({"port": N, "pid": P}) and prints "READY N".

Examples:
  python3 scripts/smtp_test_server.py --port 2525 --dir /tmp/mail-out
  python3 scripts/smtp_test_server.py --port 0 --dir out --starttls --tls-dir certs \
      --auth --user lcc --password secret
Options --starttls / --implicit-tls generate a throwaway CA and a server certificate for
localhost and 127.0.0.1 in --tls-dir with the openssl command (unless ca.pem and
server.pem are there already); clients trust --tls-dir/ca.pem.
"""

import argparse
import asyncio
import email
import email.policy
import itertools
import json
import os
import ssl
import subprocess
import sys
import threading

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


def make_certificates(directory):
    """A CA and a server certificate signed by it (P-256 keys: fast to make)."""
    ca_pem = os.path.join(directory, "ca.pem")
    server_pem = os.path.join(directory, "server.pem")
    if os.path.exists(ca_pem) and os.path.exists(server_pem):
        return
    os.makedirs(directory, exist_ok=True)

    def path(name):
        return os.path.join(directory, name)

    with open(path("server.ext"), "w") as ext:
        ext.write(
            "basicConstraints=critical,CA:FALSE\n"
            "keyUsage=critical,digitalSignature,keyEncipherment\n"
            "extendedKeyUsage=serverAuth\n"
            "subjectAltName=DNS:localhost,IP:127.0.0.1\n"
        )
    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    commands = [
        ["openssl", "req", "-x509", *ec, "-keyout", path("ca.key"), "-out", path("ca.pem"),
         "-days", "2", "-subj", "/CN=LCC Mail Test CA",
         "-addext", "basicConstraints=critical,CA:TRUE",
         "-addext", "keyUsage=critical,keyCertSign,cRLSign"],
        ["openssl", "req", *ec, "-keyout", path("server.key"), "-out", path("server.csr"),
         "-subj", "/CN=localhost"],
        ["openssl", "x509", "-req", "-in", path("server.csr"), "-CA", path("ca.pem"),
         "-CAkey", path("ca.key"), "-CAcreateserial", "-out", path("server.pem"),
         "-days", "2", "-extfile", path("server.ext")],
    ]
    for command in commands:
        result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if result.returncode != 0:
            sys.exit("smtp_test_server: %s failed: %s" % (" ".join(command[:2]), result.stderr.strip()))


def server_tls_context(directory):
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(os.path.join(directory, "server.pem"), os.path.join(directory, "server.key"))
    return context


def summarise(raw):
    """The message as Python's email package reads it: decoded headers and bodies."""
    message = email.message_from_bytes(raw, policy=email.policy.default)
    text = html = None
    for part in message.walk():
        if part.is_multipart():
            continue
        content = part.get_content().replace("\r\n", "\n")
        if part.get_content_type() == "text/plain" and text is None:
            text = content
        elif part.get_content_type() == "text/html" and html is None:
            html = content

    def header(name):
        return str(message[name]) if message[name] is not None else None

    def addresses(name):
        return [
            {"name": address.display_name, "address": address.addr_spec}
            for value in message.get_all(name, [])
            for address in value.addresses
        ]

    return {
        "subject": header("Subject"),
        "from": addresses("From"),
        "to": addresses("To"),
        "reply_to": addresses("Reply-To"),
        "date": header("Date"),
        "message_id": header("Message-ID"),
        "content_type": message.get_content_type(),
        "transfer_encodings": [
            part["Content-Transfer-Encoding"] for part in message.walk() if not part.is_multipart()
        ],
        "text": text,
        "html": html,
        "defects": [type(defect).__name__ for part in message.walk() for defect in part.defects],
        "max_line_length": max((len(line) for line in raw.split(b"\r\n")), default=0),
    }


class Recorder:
    def __init__(self, directory, slow_seconds=3.0):
        self.directory = directory
        existing = [int(name[:4]) for name in os.listdir(directory) if name[:4].isdigit() and name.endswith(".eml")]
        self.counter = itertools.count(max(existing, default=0) + 1)
        self.slow_seconds = slow_seconds

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@")[0].lower()
        if local.startswith("slow"):
            await asyncio.sleep(self.slow_seconds)
        if local.startswith("refuse"):
            return "550 5.1.1 <%s>: Recipient address rejected: mailbox unavailable" % address
        if local.startswith("later"):
            return "450 4.2.1 <%s>: Recipient address rejected: try again later" % address
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        number = next(self.counter)
        raw = envelope.original_content
        base = os.path.join(self.directory, "%04d" % number)
        with open(base + ".eml", "wb") as file:
            file.write(raw)
        record = {
            "mail_from": envelope.mail_from,
            "mail_options": envelope.mail_options,
            "rcpt_tos": envelope.rcpt_tos,
            "tls": session.ssl is not None or server.transport.get_extra_info("ssl_object") is not None,
            "authenticated": bool(session.authenticated),
            "auth_mechanism": getattr(session, "lcc_auth_mechanism", None),
            "auth_login": getattr(session, "lcc_auth_login", None),
            "raw_file": os.path.basename(base + ".eml"),
            "message": summarise(raw),
        }
        with open(base + ".json.tmp", "w", encoding="utf-8") as file:
            json.dump(record, file, ensure_ascii=False, indent=1)
        os.replace(base + ".json.tmp", base + ".json")
        if any(rcpt.split("@")[0].lower().startswith("vanish") for rcpt in envelope.rcpt_tos):
            server.transport.abort()
            return "421 4.3.0 gone"
        return "250 2.0.0 OK queued as %04d" % number


class HeloOnlySMTP(SMTP):
    """A server from before RFC 1869 that knows only HELO, for the client's fallback."""

    async def smtp_EHLO(self, hostname):
        await self.push("502 5.5.1 EHLO not implemented")


def make_authenticator(user, password):
    def authenticator(server, session, envelope, mechanism, auth_data):
        if not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        login = auth_data.login.decode("utf-8", "replace")
        secret = auth_data.password.decode("utf-8", "replace")
        ok = login == user and secret == password
        if ok:
            session.lcc_auth_mechanism = mechanism
            session.lcc_auth_login = login
        # handled=False: aiosmtpd then answers a failure with 535 itself.
        return AuthResult(success=ok, handled=False)

    return authenticator


async def serve(args):
    os.makedirs(args.dir, exist_ok=True)
    tls_context = None
    if args.starttls or args.implicit_tls:
        tls_dir = args.tls_dir or os.path.join(args.dir, "tls")
        make_certificates(tls_dir)
        tls_context = server_tls_context(tls_dir)
    handler = Recorder(args.dir, args.slow_seconds)
    options = {"hostname": "lcc-test-smtp", "ident": "LCC test SMTP"}
    if args.starttls:
        options.update(tls_context=tls_context, require_starttls=False)
    if args.auth:
        options.update(
            authenticator=make_authenticator(args.user, args.password),
            auth_required=True,
            # aiosmtpd counts only STARTTLS as TLS; implicit TLS is encrypted from the start.
            auth_require_tls=not (args.auth_plaintext or args.implicit_tls),
        )
    if args.size:
        options.update(data_size_limit=args.size)

    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: (HeloOnlySMTP if args.helo_only else SMTP)(handler, loop=loop, **options),
        host=args.host,
        port=args.port,
        ssl=tls_context if args.implicit_tls else None,
    )
    port = server.sockets[0].getsockname()[1]
    with open(os.path.join(args.dir, "server.json.tmp"), "w") as file:
        json.dump({"port": port, "pid": os.getpid()}, file)
    os.replace(os.path.join(args.dir, "server.json.tmp"), os.path.join(args.dir, "server.json"))
    print("READY %d" % port, flush=True)

    stop = asyncio.Event()
    if args.exit_on_stdin_eof:
        # The tests hold our stdin open; when their process ends, so does this server.
        def watch():
            sys.stdin.buffer.read()
            loop.call_soon_threadsafe(stop.set)

        threading.Thread(target=watch, daemon=True).start()
    async with server:
        await stop.wait()


def main():
    parser = argparse.ArgumentParser(description="aiosmtpd on loopback for the Mail tests")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=2525, help="0 picks a free port")
    parser.add_argument("--dir", required=True, help="where received messages are stored")
    parser.add_argument("--starttls", action="store_true", help="offer STARTTLS")
    parser.add_argument("--implicit-tls", action="store_true", help="TLS from the first byte (smtps)")
    parser.add_argument("--tls-dir", help="certificates (made here if missing); default DIR/tls")
    parser.add_argument("--auth", action="store_true", help="require AUTH (PLAIN or LOGIN)")
    parser.add_argument("--auth-plaintext", action="store_true", help="allow AUTH without TLS")
    parser.add_argument("--user", default="lcc")
    parser.add_argument("--password", default="secret")
    parser.add_argument("--size", type=int, default=0, help="announce and enforce a SIZE limit")
    parser.add_argument("--helo-only", action="store_true", help="refuse EHLO (502), accept HELO")
    parser.add_argument("--exit-on-stdin-eof", action="store_true", help="stop when stdin closes")
    parser.add_argument("--slow-seconds", type=float, default=3.0, help="delay of RCPT TO for slow*@ recipients")
    args = parser.parse_args()
    if args.starttls and args.implicit_tls:
        parser.error("--starttls and --implicit-tls exclude each other")
    try:
        asyncio.run(serve(args))
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
