#!/usr/bin/env python3
"""Kept-alive HTTP/1.1 connections to one port: N connections, four GETs each, each sent as soon as the previous
answer is complete (as a browser or a pooled client does). Counts the connections on which an answer never came
within 30 s ("hang"). Usage: bench/kept-alive-probe.py PORT N [PATH]  (PATH defaults to /actuator/health)."""
import socket
import sys
import time

PORT, N = int(sys.argv[1]), int(sys.argv[2])
PATH = sys.argv[3] if len(sys.argv) > 3 else '/actuator/health'
REQUEST = ('GET %s HTTP/1.1\r\nHost: localhost\r\n\r\n' % PATH).encode()


def one_answer(s):
    buf = b''
    while True:
        data = s.recv(65536)
        if not data:
            return 'closed'
        buf += data
        if b'\r\n\r\n' in buf:
            head, rest = buf.split(b'\r\n\r\n', 1)
            length = [l for l in head.split(b'\r\n') if l.lower().startswith(b'content-length')]
            if length and len(rest) >= int(length[0].split(b':')[1]):
                return 'ok'
            if not length and rest.endswith(b'0\r\n\r\n'):
                return 'ok'


result = {'answered': 0, 'closed': 0, 'hang': 0, 'slowest_s': 0.0}
for i in range(N):
    s = socket.create_connection(('127.0.0.1', PORT))
    s.settimeout(30)
    try:
        for k in range(4):
            began = time.time()
            s.sendall(REQUEST)
            outcome = one_answer(s)
            if outcome == 'closed':
                result['closed'] += 1
                break
            result['answered'] += 1
            result['slowest_s'] = max(result['slowest_s'], round(time.time() - began, 3))
    except socket.timeout:
        result['hang'] += 1
    s.close()
print(result)
