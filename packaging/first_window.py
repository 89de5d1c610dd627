"""Times process start to the first window shown on the X display, from outside the process.

usage: first_window.py [--cold] [--wait-for FILE] [--timeout S] -- COMMAND...
Prints one line: the milliseconds from just before the process is started to the MapNotify of its
first top-level window (the X server making it visible), then ends the process (SIGTERM, then
SIGKILL). With --cold the page cache is dropped first (root only). With --wait-for the process is
ended only once FILE exists (the console's start-up trace, written when its first page is shown),
or at the timeout. Exit status 0 on a measurement, 1 when no window appeared in time, the process
exited first, or FILE did not appear. Used by bench/startup.sh.

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
    options = argv[: argv.index("--")]
    cold = "--cold" in options
    wait_for = options[options.index("--wait-for") + 1] if "--wait-for" in options else None
    timeout = 60.0
    if "--timeout" in options:
        timeout = float(options[options.index("--timeout") + 1])
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
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
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
    waited = True
    if shown is not None and wait_for is not None:
        # What is waited for here is not timed, so a short poll does no harm.
        while not os.path.exists(wait_for) and proc.poll() is None and time.monotonic_ns() < deadline:
            time.sleep(0.01)
        waited = os.path.exists(wait_for)
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    if shown is None or not waited:
        err = proc.stderr.read().decode("utf-8", "replace")
        what = "no window" if shown is None else f"no {wait_for}"
        sys.stderr.write(f"{what} from {command[0]} (exit {proc.returncode})\n{err}")
        sys.exit(1)
    print(f"{(shown - started) / 1e6:.0f}")


if __name__ == "__main__":
    main(sys.argv[1:])
