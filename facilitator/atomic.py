"""Writing files so that a crash at any moment leaves either the old file or the
new one, never half of each, and only the owner can read them."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700


def ensure_private_dir(folder: Path) -> None:
    """Create `folder` (and parents) owner-only; tighten it if it is ours and looser."""
    try:
        folder.mkdir(mode=DIR_MODE, parents=True)
    except FileExistsError:
        st = folder.stat()
        if st.st_mode & 0o077 and st.st_uid == os.getuid():
            folder.chmod(DIR_MODE)
    else:
        folder.chmod(DIR_MODE)  # mkdir's mode is filtered by the umask


def write_atomic(path: Path, data: bytes, *, private_folder: bool = True) -> None:
    """Write `data` to `path`: temp file in the same folder, flush, fsync, rename,
    then fsync the folder so the rename itself survives a power cut.

    The file is always owner-only. With `private_folder` (for the workspace's own
    folders) the folder is created or tightened to owner-only too; without it (an
    export written where the user asked) the folder must exist and is left as it
    is: tightening someone's Documents or a shared folder would be a surprise."""
    folder = path.parent
    if private_folder:
        ensure_private_dir(folder)
    fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), FILE_MODE)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some filesystems cannot fsync a folder; the rename is still atomic
    finally:
        os.close(fd)
