def test_nothing_shared():
    assert set([1, 2]).isdisjoint({3})
