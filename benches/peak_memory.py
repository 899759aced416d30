#!/usr/bin/env python3
"""Peak memory of a terminal program used for one search, in a pseudo-terminal.

    peak_memory.py MARKER QUERY ANSWER -- COMMAND...

Starts COMMAND in a 120x40 pseudo-terminal, waits until MARKER appears in what it writes (its screen is
up), types QUERY (a byte string with Python escapes), waits until ANSWER appears after that, then until
the program has used no CPU for a second (the explorer builds its lists of every result in the
background), sends ^C, and prints the largest resident set of the program and the processes it waited
for (`wait4`'s ru_maxrss, what `/usr/bin/time -v` prints), in KiB. Used by benches/scale.sh for ipec's
explorer and fzf's picker alike; not a test.
"""
import os, pty, select, struct, sys, time, fcntl, termios


def cpu_ticks(pid):
    """User and system CPU ticks of `pid` and its waited-for children, from /proc."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(')', 1)[1].split()
        return sum(int(x) for x in fields[11:15])
    except (OSError, IndexError, ValueError):
        return None


def main():
    marker, answer = sys.argv[1].encode(), sys.argv[3].encode()
    query = sys.argv[2].encode().decode('unicode_escape').encode()
    command = sys.argv[sys.argv.index('--') + 1:]
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(command[0], command)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 40, 120, 0, 0))
    seen, mark, answered = b'', None, False
    start = time.monotonic()
    while time.monotonic() - start < 120 and not answered:
        ready, _, _ = select.select([fd], [], [], 0.01)
        if ready:
            try:
                seen += os.read(fd, 1 << 16)
            except OSError:
                break
        if mark is None and marker in seen:
            mark = len(seen)
            os.write(fd, query)
        answered = mark is not None and answer in seen[mark:]
    # Idle: no CPU used for a second (at most 60 s more), reading what it draws meanwhile.
    last, still = cpu_ticks(pid), time.monotonic()
    while answered and time.monotonic() - still < 1.0 and time.monotonic() - start < 180:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                os.read(fd, 1 << 16)
            except OSError:
                break
        now = cpu_ticks(pid)
        if now != last:
            last, still = now, time.monotonic()
    os.write(fd, b'\x03')
    deadline = time.monotonic() + 30
    while True:
        done, _, usage = os.wait4(pid, os.WNOHANG)
        if done == pid:
            break
        if time.monotonic() > deadline:
            os.kill(pid, 9)
        try:
            select.select([fd], [], [], 0.05)
            os.read(fd, 1 << 16)
        except OSError:
            time.sleep(0.05)
    if not answered:
        print('nan')
        return
    print(usage.ru_maxrss)


main()
