"""Class 4 of the hardening battery: no parameter or input makes skprep attempt an allocation
far beyond what the output needs, or work far beyond the input's size; a legitimately huge
output is refused with a ValueError stating its size (``max_output_bytes``) before anything
is allocated. Each case runs in a child process with a capped address space and a timeout,
so a hang or a runaway allocation fails the test instead of the machine."""

import numpy as np
import pytest

import skprep
from skprep._config import check_output_size
from tests.hardening._child_cases import BOUNDED_CASES
from tests.hardening._isolate import run_in_child


@pytest.mark.parametrize("case", BOUNDED_CASES)
def test_bounded(case):
    run_in_child("bounded", case, timeout=120)


def test_cap_from_the_environment():
    out = run_in_child("print_cap", env={"SKPREP_MAX_OUTPUT_BYTES": "12345"}, timeout=60)
    assert out.strip() == "12345"


def test_cap_settings_are_validated_and_restored():
    before = skprep.get_config()["max_output_bytes"]
    with pytest.raises(ValueError, match="positive"):
        skprep.set_config(max_output_bytes=0)
    with pytest.raises(TypeError, match="Unknown skprep settings"):
        with skprep.config_context(max_bytes=1):
            pass
    with skprep.config_context(max_output_bytes=None):
        check_output_size((10**9, 10**9), np.float64, "anything")  # no cap
        with skprep.config_context(max_output_bytes=10):
            with pytest.raises(ValueError, match=r"would need 80 bytes \(shape \(10,\), float64\)"):
                check_output_size((10,), np.float64, "x")
    assert skprep.get_config()["max_output_bytes"] == before
