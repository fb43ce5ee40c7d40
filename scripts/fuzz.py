"""A long fuzzing session: tests/app/test_fuzz.py with many more random requests than CI sends.

    make fuzz                          # 50,000 random requests
    FUZZ_EXAMPLES=200000 make fuzz     # longer

Prints how many requests were tried, how long it took and Hypothesis's statistics; exits 1 (with
the smallest failing request) if any request got a server error.
"""

import os
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_EXAMPLES = 50_000


def main():
    examples = int(os.environ.get("FUZZ_EXAMPLES", DEFAULT_EXAMPLES))
    os.environ["FUZZ_EXAMPLES"] = str(examples)
    print(f"fuzzing every route with {examples:,} random requests...")
    started = time.perf_counter()
    code = pytest.main(
        [
            str(ROOT / "tests/app/test_fuzz.py"),
            "-q",
            "-p",
            "no:logging",  # one log line per request would drown the report
            "-p",
            "no:cacheprovider",
            "--hypothesis-show-statistics",
            "-o",
            "addopts=",
        ]
    )
    took = time.perf_counter() - started
    print(
        f"{examples:,} requests in {took:.0f} s ({examples / took:.0f} a second): "
        f"{'no server error' if code == 0 else 'FAILED'}"
    )
    return int(code)


if __name__ == "__main__":
    sys.exit(main())
