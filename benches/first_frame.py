#!/usr/bin/env python3
"""Time to the first frame, and to the first search answer, of a terminal program, in a pseudo-terminal.

    first_frame.py MARKER QUERY ANSWER -- COMMAND...

Starts COMMAND in an 120x40 pseudo-terminal, and prints three times in seconds from the start: when
MARKER first appears in what it writes (its first frame), and, after typing QUERY (a byte string with
Python escapes, sent as soon as the first frame is up), when ANSWER appears. Used by benches/scale.sh
for ipec's explorer and fzf's picker alike; not a test.
"""
import os, pty, select, signal, struct, sys, time, fcntl, termios

def main():
    marker, query, answer = sys.argv[1].encode(), sys.argv[2].encode().decode('unicode_escape').encode(), sys.argv[3].encode()
    command = sys.argv[sys.argv.index('--') + 1:]
    start = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(command[0], command)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 40, 120, 0, 0))
    seen, first, answered = b'', None, None
    while time.monotonic() - start < 60:
        ready, _, _ = select.select([fd], [], [], 0.01)
        if ready:
            try:
                chunk = os.read(fd, 1 << 16)
            except OSError:
                break
            seen += chunk
        if first is None and marker in seen:
            first = time.monotonic() - start
            mark = len(seen)
            os.write(fd, query)
        if first is not None and answer in seen[mark:]:
            answered = time.monotonic() - start
            break
    os.kill(pid, signal.SIGTERM)
    os.waitpid(pid, 0)
    print(f"{first if first is not None else float('nan'):.3f} {answered if answered is not None else float('nan'):.3f}")

main()
