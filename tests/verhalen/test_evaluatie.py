"""Targets of issue 10 on the unseen sets ('toets', 'toets_2') of the independent evaluation
material, and on the development sets the detectors were tuned on.

The detectors were tuned on the development sets only; this test reads the aggregate numbers
of the unseen sets (tests/verhalen/meet_evaluatie.py states the matching rules). A kind
whose target was not reached at the time of writing is marked xfail(strict=False) below with
a floor a little under the level it did reach, which is then asserted instead, so a
regression still fails.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import meet_evaluatie  # noqa: E402

pytestmark = pytest.mark.skipif(
    not (meet_evaluatie.MAP / "splitsing.json").is_file(),
    reason="evaluatieset tests/verhalen/evaluatie ontbreekt (nog niet vastgelegd in git)",
)

# kind -> floor on an unseen set while its target is not met: the level measured after the
# last tuning round of issue 10 (tuned on the development sets only) minus a margin of 0.01,
# never below the floor before; decoys on 'toets' stayed at 74/78.
NOT_YET: dict[str, dict[str, float]] = {
    "toets": {
        "DECOY": 74 / 78,  # 0.949 (target 0.95); ages reached 0.963 with the learned labeller
    },
    "toets_2": {  # the second unseen set: never read note by note, measured as a whole only
        "PERSOON": 311 / 318 - 0.01,  # 0.978 (0.975 before the ontwikkel_8 round)
        # 0.875 (0.812 when first measured; 0.865 without the labeller; 0.885 after ontwikkel_6,
        # one less after ontwikkel_7)
        "ORGANISATIE": 84 / 96 - 0.01,
        # 0.899: 0.817 at first, 0.908 after ontwikkel_7, one age fewer once the labeller was
        # trained on ontwikkel_8 too
        "LEEFTIJD": 98 / 109 - 0.01,
    },
    "toets_3": {  # the third, by a seventh writer, first measured after the ontwikkel_6 round
        "PERSOON": 397 / 415 - 0.01,  # 0.957
    },  # decoys 0.953 after the ontwikkel_8 round (266/279; 265 after ontwikkel_7)
}

# development sets below target for a kind after tuning (their VOORMETING.md has the before)
DEVELOPMENT_FLOORS: dict[str, dict[str, float]] = {
    "ontwikkel": {},
    "ontwikkel_extra": {},  # extra notes written for tuning (see its README)
    "ontwikkel_2": {},  # by a writer who never saw the code, like the three below
    "ontwikkel_3": {},  # aimed at ages, organisations and decoys
    "ontwikkel_4": {},  # aimed at ages and decoys
    # aimed at organisations and ages; before tuning ages 0.812, organisations 0.818, decoys 0.899
    "ontwikkel_5": {"PERSOON": 326 / 340 - 0.01, "ADRES": 37 / 39 - 0.01, "DECOY": 196 / 207 - 0.01},
    # aimed at ages and organisations; before tuning (VOORMETING.md) ages 0.801, organisations
    # 0.809, decoys 0.926 (with the learned labeller, not yet trained on it: 0.844, 0.849, 0.914)
    "ontwikkel_6": {"PERSOON": 306 / 309 - 0.01, "ADRES": 49 / 51 - 0.01, "DECOY": 244 / 257 - 0.01},
    # aimed at names and decoys that look like names; before tuning names 0.960, addresses
    # 0.902, ages 0.889 (0.923 with the labeller), organisations 0.841 (0.869), decoys 0.955
    "ontwikkel_7": {"PERSOON": 439 / 448 - 0.01, "ADRES": 37 / 41 - 0.01, "ORGANISATIE": 96 / 107 - 0.01},
    # aimed at names no list holds; before tuning (VOORMETING.md) names 0.942 (0.954 with the
    # rule for a name as the subject of a verb, written before the set came in), dates 0.889,
    # decoys 0.932
    "ontwikkel_8": {"DECOY": 250 / 265 - 0.01},
}

_MEASURED: dict = {}


def _measured(half: str, pseudonymizer):
    if half not in _MEASURED:
        _MEASURED[half] = meet_evaluatie.measure(half, pseudonymizer)
    return _MEASURED[half]


def test_halves_are_disjoint_and_complete():
    dev, test = set(meet_evaluatie.ids("ontwikkel")), set(meet_evaluatie.ids("toets"))
    assert not dev & test and len(dev) >= 20 and len(test) >= 20


@pytest.mark.parametrize("half", sorted(NOT_YET))
@pytest.mark.parametrize("kind", sorted(meet_evaluatie.TARGETS))
def test_target_on_unseen_set(pseudonymizer, half, kind, request, capsys):
    achieved = _measured(half, pseudonymizer).achieved()
    if kind not in achieved:
        pytest.skip(f"geen {kind} in {half}")
    with capsys.disabled():
        print(f"\n{half} {kind}: {achieved[kind]:.3f} (doel {meet_evaluatie.TARGETS[kind]})")
    if kind in NOT_YET[half]:
        assert achieved[kind] >= NOT_YET[half][kind] - 1e-9
        reason = f"doel {meet_evaluatie.TARGETS[kind]} niet gehaald: {achieved[kind]:.3f} (ondergrens {NOT_YET[half][kind]:.3f})"
        request.applymarker(pytest.mark.xfail(strict=False, reason=reason))
    assert achieved[kind] >= meet_evaluatie.TARGETS[kind] - 1e-9


@pytest.mark.parametrize("half", sorted(DEVELOPMENT_FLOORS))
def test_development_set_meets_targets(pseudonymizer, half):
    achieved = _measured(half, pseudonymizer).achieved()
    floors = DEVELOPMENT_FLOORS[half]
    missed = {k: v for k, v in achieved.items() if v < floors.get(k, meet_evaluatie.TARGETS[k]) - 1e-9}
    assert not missed, missed
