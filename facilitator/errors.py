"""Errors that reach the user as one clear line.

`UserError` is a mistake the user can fix (bad input, unknown id): exit code 2.
`RuntimeFailure` is something that went wrong while doing the job (disk full,
permission denied): exit code 1. Neither is ever shown as a traceback.
"""


class FacilitatorError(Exception):
    """Base class for errors with a message meant for people."""

    exit_code = 1


class UserError(FacilitatorError):
    """Input the user can fix: bad file, unknown id, wrong option."""

    exit_code = 2


class RuntimeFailure(FacilitatorError):
    """The job could not be done: a disk, a permission, a lock."""

    exit_code = 1


class SessionLocked(RuntimeFailure):
    """Another live process has this session open."""
