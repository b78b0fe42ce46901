from __future__ import annotations

from pathlib import Path

from readout_diff.inputs import read_paths


def test_folders_files_and_missing(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("one")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("two")
    (tmp_path / "sub" / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.txt").write_text("three")
    sources, errors = read_paths([tmp_path, tmp_path / "nope.txt", "-"], stdin_bytes=b"four")
    assert [Path(s.name).name for s in sources] == ["a.txt", "b.md", "-"]
    assert [(Path(e.path).name, e.message) for e in errors] == [
        ("nope.txt", "no such file or directory")
    ]
