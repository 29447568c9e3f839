"""Starting Spark for khabar: quietly, with clear one-line errors.

Spark's JVM writes its log (warnings, progress, Java stack traces) to the standard error it
inherits. :func:`start_session` hands it a log file instead, so the terminal shows only khabar's
own lines; the Python workers, which the JVM starts, write there too.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import SparkError

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

#: What to install to get the Spark job.
INSTALL_HINT = "pip install 'khabar[spark]'"
#: Spark settings khabar always uses: no web UI, no progress bar on the terminal.
QUIET_CONF = {
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
}


def require_pyspark() -> None:
    """Raise :class:`SparkError` when pyspark cannot be imported."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise SparkError(f"the Spark job needs pyspark, which is not installed: {INSTALL_HINT}") \
            from None


def java_path() -> str | None:
    """The ``java`` Spark would run (``$JAVA_HOME/bin/java``, else the one on ``PATH``)."""
    home = os.environ.get("JAVA_HOME")
    if home:
        candidate = Path(home, "bin", "java")
        return str(candidate) if candidate.exists() else None
    return shutil.which("java")


def is_local_master(master: str | None) -> bool:
    """Whether ``master`` runs everything on this machine (``local``, ``local[4]``…); ``None``
    is ``local[*]``, unless ``spark-submit`` started this process (it then says)."""
    if master is None:
        return "PYSPARK_GATEWAY_PORT" not in os.environ
    return master.startswith("local")


def active_session() -> SparkSession | None:
    """The Spark session already running in this process, if any."""
    require_pyspark()
    from pyspark.sql import SparkSession

    return SparkSession.getActiveSession()


def start_session(master: str | None, log_path: Path) -> SparkSession:
    """A new Spark session on ``master`` (``None``: what ``spark-submit`` set, else
    ``local[*]``); Spark's own log goes to ``log_path``."""
    require_pyspark()
    from pyspark.sql import SparkSession

    launched_by_spark_submit = "PYSPARK_GATEWAY_PORT" in os.environ
    if not launched_by_spark_submit and java_path() is None:
        where = "JAVA_HOME" if os.environ.get("JAVA_HOME") else "PATH"
        raise SparkError(f"Spark needs Java 17 or later, and there is no java on {where}: install "
                         "one (e.g. `apt install openjdk-17-jre-headless`) or set JAVA_HOME")
    if master is None and not launched_by_spark_submit:
        master = "local[*]"
    if is_local_master(master):
        # Workers on this machine run this very Python, which has khabar installed.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("khabar")
    if master is not None:
        builder = builder.master(master)
    for key, value in QUIET_CONF.items():
        builder = builder.config(key, value)
    try:
        with stderr_to(log_path):
            spark = builder.getOrCreate()
            spark.sparkContext.setLogLevel("ERROR")
    except Exception as exc:
        raise SparkError(f"Spark did not start ({last_line(log_path) or first_line(exc)}); "
                         f"its log is {log_path}") from None
    return spark


@contextlib.contextmanager
def stderr_to(path: Path) -> Iterator[None]:
    """Point file descriptor 2 at ``path`` (appending) while the block runs.

    Processes started meanwhile (Spark's JVM, and through it the Python workers) keep writing
    there after the block ends.
    """
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with open(path, "ab") as log:
            os.dup2(log.fileno(), 2)
        yield
    finally:
        sys.stderr.flush()
        os.dup2(saved, 2)
        os.close(saved)


def first_line(exc: BaseException) -> str:
    """The first non-blank line of an exception's message (Java errors run to pages)."""
    for line in str(exc).splitlines():
        if line.strip():
            return line.strip()
    return type(exc).__name__


def last_line(path: Path) -> str | None:
    """The last line of a log that reads like an error, if any."""
    try:
        lines = path.read_text("utf-8", errors="replace").splitlines()
    except OSError:
        return None
    for line in reversed(lines):
        if "Error" in line or "Exception" in line:
            return line.strip()
    return None
