"""The shared input checks in skprep.utils.validation."""

import pytest

from skprep.utils.validation import check_bag_rank, check_rank


class _Est:
    pass


def test_check_rank_records_then_refuses_another_rank():
    est = _Est()
    check_rank(est, (), reset=False)  # nothing recorded yet: any rank
    check_rank(est, (5, 2), reset=True)
    check_rank(est, (3, 2), reset=False)
    with pytest.raises(ValueError, match=r"rank 2 but got input of shape \(3,\).*reshape"):
        check_rank(est, (3,), reset=False)
    with pytest.raises(ValueError, match="rank 2 but got input of shape"):
        check_rank(est, (3, 2, 1), reset=False)
    lookup = _Est()
    check_rank(lookup, (4,), reset=True, compatible={1: (1, 2)})
    check_rank(lookup, (4, 3), reset=False, compatible={1: (1, 2)})
    with pytest.raises(ValueError, match="rank 1"):
        check_rank(lookup, (4, 3, 1), reset=False, compatible={1: (1, 2)})


def test_check_bag_rank():
    check_bag_rank((4,), "int")
    check_bag_rank((4,), "one_hot")
    check_bag_rank((4, 2), "multi_hot")
    with pytest.raises(ValueError, match=r"one token per sample to \(n, 1\)"):
        check_bag_rank((4,), "count", what="token")
    with pytest.raises(ValueError, match="rank 1 or 2"):
        check_bag_rank((4, 2, 2), "one_hot")
