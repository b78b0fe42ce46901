from __future__ import annotations

import json

from readout_diff import Result, to_dict, to_json


def test_json_is_the_result(seeds_result: Result) -> None:
    data = json.loads(to_json(seeds_result))
    assert data == json.loads(json.dumps(to_dict(seeds_result)))
    first = seeds_result.readouts[0].sentences[0].witnesses[0]
    assert data["readouts"][0]["sentences"][0]["witnesses"][0]["text"] == first.text
    assert to_json(seeds_result).endswith("}\n")
