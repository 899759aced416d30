#!/usr/bin/env python3
"""What an explorer writes and spends while nobody touches it, in a pseudo-terminal.

    idle.py MARKER SECONDS -- COMMAND...

Starts COMMAND in a 120x40 pseudo-terminal, waits until MARKER shows and one second more (for the
index and lists built in the background to arrive), then counts the bytes it writes and the CPU time
it uses over SECONDS with no input; then sends q. Not a test.
"""
import os, pty, select, struct, sys, time, fcntl, termios

def cpu(pid):
    fields = open(f'/proc/{pid}/stat').read().rsplit(')', 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf('SC_CLK_TCK')

def main():
    marker, seconds = sys.argv[1].encode(), float(sys.argv[2])
    command = sys.argv[sys.argv.index('--') + 1:]
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(command[0], command)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 40, 120, 0, 0))
    seen, start = b'', time.monotonic()
    while marker not in seen and time.monotonic() - start < 60:
        if select.select([fd], [], [], 0.05)[0]:
            seen += os.read(fd, 1 << 16)
    time.sleep(1.0)
    while select.select([fd], [], [], 0)[0]:
        os.read(fd, 1 << 16)
    before, start, written, reads = cpu(pid), time.monotonic(), 0, 0
    while time.monotonic() - start < seconds:
        if select.select([fd], [], [], 0.05)[0]:
            written += len(os.read(fd, 1 << 16))
            reads += 1
    spent = cpu(pid) - before
    os.write(fd, b'q')
    os.waitpid(pid, 0)
    print(f'{written} bytes in {reads} writes, {spent:.2f} s CPU')

main()
