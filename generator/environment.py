"""One line, and an exit code of its own, for failures of the machine rather than of the content.

A read-only site/, a full disk or a port another program holds are not
mistakes in the playbook: the message names the path (or address) and the
cause and says what to do, without a traceback.
"""

from __future__ import annotations

import errno

from .errors import EnvironmentFailure

EXIT_ENVIRONMENT = 3
_CAUSES = {
    errno.EACCES: ("permission denied", "check who owns the folder"),
    errno.EPERM: ("operation not permitted", "check who owns the folder"),
    errno.EROFS: ("the file system is read-only", "build into a writable folder, e.g. --site-dir"),
    errno.ENOSPC: ("no space left on the disk", "free some space and build again"),
    errno.EDQUOT: ("the disk quota is used up", "free some space and build again"),
    errno.EADDRINUSE: ("the address is already in use", "stop the other server or pick another --dev-addr"),
    errno.EADDRNOTAVAIL: ("the address is not available on this machine", "pick another --dev-addr"),
}


def describe(exc: BaseException) -> str:
    """`cannot write /x/site: the file system is read-only (build into a writable folder, ...)`."""
    if isinstance(exc, EnvironmentFailure):
        return describe(exc.__cause__) if isinstance(exc.__cause__, OSError) else str(exc)
    if not isinstance(exc, OSError):
        return str(exc)
    what, hint = _CAUSES.get(exc.errno or 0, (exc.strerror or str(exc), ""))
    where = f"{exc.filename}: " if exc.filename else ""
    return f"{where}{what}" + (f" ({hint})" if hint else "")

