#!/usr/bin/env python3
"""How long the explorer takes to answer a key, as a person sees it: the time from tmux sending the key
to the screen changing (polled every 5 ms, so figures are +-5 ms), at any size of knowledge base.

    python3 benches/explorer_keys.py [--data DIR] [--binary PATH]

Starts the binary in a 200x55 tmux session (its own, `ipec-keys`), waits for the Overview, then presses a
fixed sequence of keys (tab switches, moves, the timeline turned, a filter, a search) and prints one line
per key. Not a test: figures for BENCHMARKS.md, with the machine's load.
"""
import argparse, os, subprocess, sys, time

SESSION = "ipec-keys"

# (keys, what the screen must show once they are answered; None: any change)
SEQUENCE = [
    (["2"], None), (["1"], None), (["2"], None), (["j"], None),
    (["8"], "Timeline"), (["j"], None), (["G"], None), (["s"], None), (["s"], None),
    (["5"], None), (["f", "g", "h", "a", "n", "a"], "ghana"), (["Enter"], None), (["Escape"], None),
    (["4"], None), (["j"], None), (["6"], None),
    (["/"], None), (["c", "h", "i", "l", "d", " ", "l", "a", "b", "o", "u", "r"], "labour"), (["Escape"], None),
]


def capture():
    return subprocess.run(["tmux", "capture-pane", "-p", "-t", SESSION], capture_output=True, text=True).stdout


def press(keys, expect, timeout=10.0):
    before = capture()
    start = time.monotonic()
    subprocess.run(["tmux", "send-keys", "-t", SESSION] + keys, check=True)
    while time.monotonic() - start < timeout:
        screen = capture()
        if (expect and expect in screen) or (not expect and screen != before):
            return time.monotonic() - start
        time.sleep(0.005)
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data")
    parser.add_argument("--binary", default="target/release/ipec")
    args = parser.parse_args()
    command = [os.path.abspath(args.binary)] + (["--data", args.data] if args.data else [])
    subprocess.run(["tmux", "kill-session", "-t", SESSION], capture_output=True)
    subprocess.run(["tmux", "new-session", "-d", "-s", SESSION, "-x", "200", "-y", "55", " ".join(command)], check=True)
    try:
        start = time.monotonic()
        while "Overview" not in capture() or "Loading" in capture():
            if time.monotonic() - start > 120:
                sys.exit("the explorer did not open within 2 minutes")
            time.sleep(0.05)
        time.sleep(1.0)  # the lists of every result, built in the background
        for keys, expect in SEQUENCE:
            took = press(keys, expect)
            shown = "timeout" if took is None else f"{took * 1000:.0f} ms"
            print(f"{' '.join(keys):<30} {shown}")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", SESSION], capture_output=True)


main()
