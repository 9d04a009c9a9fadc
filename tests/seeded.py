"""One seeded source of random bytes for tests, so every run (and every CI failure) sees the same inputs."""
import random

_RNG = random.Random(20261129)


def random_bytes(n: int) -> bytes:
    """Like os.urandom(n), but repeatable: the same sequence on every run of the suite."""
    return _RNG.randbytes(n)
