"""Running khabar on a cluster: the Spark job (``khabar spark``).

Nothing here imports pyspark until a job starts, so ``import khabar`` never needs it.

- :mod:`.session`: starting Spark quietly (its log goes to a file), with one-line errors.
- :mod:`.paths`: input files and the output folder, checked before any work is done.
- :mod:`.job`: the job itself, and the per-partition function its workers run.
"""
