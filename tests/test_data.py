"""The series in data/ are the ones their provenance table (data/README.md) describes."""

import csv
import hashlib
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent.parent / "data"

# file: (header, rows, sum, min, max, first, last, first month, last month, sha256)
EXPECTED = {
    "airline-passengers.csv": (
        ["month", "passengers"], 144, 40363, 104, 622, 112, 432, "1949-01", "1960-12",
        "d27dd74f3654ab4c688afccf2348870410902f480cea900d872be2ae33184411"),
    "monthly-milk-production.csv": (
        ["month", "pounds_per_cow"], 168, 126791, 553, 969, 589, 843, "1962-01", "1975-12",
        "dee3238339d8aa8850e44482c351ad2b9a26f333ae496cd748af2234163f3d4d"),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_series_matches_its_provenance(name):
    header, rows, total, low, high, first, last, first_month, last_month, digest = EXPECTED[name]
    path = DATA / name
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, f"{name} changed"
    with open(path, newline="") as f:
        table = list(csv.reader(f))
    assert table[0] == header
    months = [row[0] for row in table[1:]]
    values = [int(row[1]) for row in table[1:]]
    assert all(len(row) == 2 for row in table[1:])
    assert len(values) == rows
    assert sum(values) == total
    assert min(values) == low and max(values) == high
    assert values[0] == first and values[-1] == last
    assert months[0] == first_month and months[-1] == last_month
    assert months == sorted(set(months)), "one row per month, in order"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_series_is_described_in_the_readme(name):
    readme = (DATA / "README.md").read_text()
    assert name in readme and EXPECTED[name][-1] in readme


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_hw4_handout_ships_the_same_file(name):
    # data/ holds the one copy; `rnnhw build` puts it next to the master for otter assign
    copy = DATA.parent / "assignments" / "hw4_forecasting" / name
    assert copy.read_bytes() == (DATA / name).read_bytes(), \
        f"assignments/hw4_forecasting/{name} differs from data/{name}"
    assert not (DATA.parent / "solutions" / "hw4_forecasting" / name).exists(), "a second copy beside the master"
