"""Times process start to the first window shown on the X display, from outside the process.

usage: first_window.py [--cold] [--train] [--timeout S] -- COMMAND...
Prints one line: the milliseconds from just before the process is started to the MapNotify of its
first top-level window (the X server making it visible), then ends the process (SIGTERM, then
SIGKILL). With --cold the page cache is dropped first (root only). With --train the process gets
SIGTERM only and is waited for however long its exit takes (a JVM writing its AOT cache on the way
out). Exit status 0 on a measurement, 1 when no window appeared in time or the process exited first.
Used by bench/startup.sh to measure and by build.sh for the AOT training run.

The watcher subscribes to SubstructureNotify on the root window through libX11 (ctypes) and is
listening before the process starts, so no poll interval or sleep blurs the figure. Without a
window manager (Xvfb) top-level windows are the root's children, so their MapNotify reaches us.
"""
import ctypes
import ctypes.util
import os
import select
import signal
import subprocess
import sys
import time

SUBSTRUCTURE_NOTIFY_MASK = 1 << 19
MAP_NOTIFY = 19


class XMapEvent(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
                ("display", ctypes.c_void_p), ("event", ctypes.c_ulong), ("window", ctypes.c_ulong),
                ("override_redirect", ctypes.c_int)]


class XEvent(ctypes.Union):
    _fields_ = [("type", ctypes.c_int), ("xmap", XMapEvent), ("pad", ctypes.c_long * 24)]


def main(argv):
    cold = "--cold" in argv[: argv.index("--")]
    train = "--train" in argv[: argv.index("--")]
    timeout = 60.0
    if "--timeout" in argv[: argv.index("--")]:
        timeout = float(argv[argv.index("--timeout") + 1])
    command = argv[argv.index("--") + 1:]

    x11 = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XDefaultRootWindow.restype = ctypes.c_ulong
    x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    x11.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
    x11.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
    x11.XPending.argtypes = [ctypes.c_void_p]
    x11.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.POINTER(XEvent)]
    x11.XConnectionNumber.argtypes = [ctypes.c_void_p]
    display = x11.XOpenDisplay(None)
    if not display:
        sys.exit("first_frame.py: cannot open the X display (DISPLAY unset?)")
    x11.XSelectInput(display, x11.XDefaultRootWindow(display), SUBSTRUCTURE_NOTIFY_MASK)
    x11.XSync(display, 1)  # subscribed, and nothing stale queued
    fd = x11.XConnectionNumber(display)

    if cold:
        os.sync()
        with open("/proc/sys/vm/drop_caches", "w") as f:
            f.write("3\n")

    started = time.monotonic_ns()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL if not train else None,
                            stderr=subprocess.PIPE if not train else None, start_new_session=True)
    shown = None
    deadline = started + int(timeout * 1e9)
    event = XEvent()
    exited = os.pidfd_open(proc.pid)
    while shown is None and time.monotonic_ns() < deadline:
        while x11.XPending(display):
            x11.XNextEvent(display, ctypes.byref(event))
            if event.type == MAP_NOTIFY and not event.xmap.override_redirect:
                shown = time.monotonic_ns()
                break
        if shown is None:
            if proc.poll() is not None:
                break
            # Wakes on X traffic or on the process ending; nothing is polled on a timer.
            select.select([fd, exited], [], [], max(0, deadline - time.monotonic_ns()) / 1e9)
    if train:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
        proc.wait()
        if shown is None:
            sys.stderr.write(f"no window from {command[0]} (exit {proc.returncode})\n")
            sys.exit(1)
        print(f"{(shown - started) / 1e6:.0f}")
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    if shown is None:
        err = proc.stderr.read().decode("utf-8", "replace")
        sys.stderr.write(f"no window from {command[0]} (exit {proc.returncode})\n{err}")
        sys.exit(1)
    print(f"{(shown - started) / 1e6:.0f}")


if __name__ == "__main__":
    main(sys.argv[1:])
