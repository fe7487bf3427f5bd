"""Writes ring.wav beside this script: a soft two-tone telephone ring (G5 and B5 alternating
16 times a second, in two bursts of 0.4 s, "ring-ring"), 1.0 s, 16-bit mono 22.05 kHz, about
44 KB. The seat plays it again every few seconds while a call rings there. Deterministic: rerun
it and the bytes are the same.

    python resources/sounds/make_ring_wav.py
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22_050
SECONDS = 1.0
PEAK = 0.5  # of full scale: clearly heard through a headset, softer than a desk phone
TONES = (783.99, 987.77)  # G5 and B5, a major third apart: bright, not shrill
WARBLE_HZ = 16  # how often the tone changes, as an electronic phone's ringer does
BURSTS = ((0.0, 0.4), (0.55, 0.95))  # (start s, end s)


def envelope(t: float) -> float:
    """Soft edges on each burst (15 ms rise and fall): no clicks."""
    for start, end in BURSTS:
        if start <= t < end:
            return min((t - start) / 0.015, (end - t) / 0.015, 1.0)
    return 0.0


def sample(t: float, phase: list[float]) -> float:
    freq = TONES[int(t * WARBLE_HZ * 2) % 2]
    phase[0] += 2 * math.pi * freq / RATE  # continuous phase: the tone changes without a click
    wave_ = math.sin(phase[0]) + 0.25 * math.sin(2 * phase[0])
    return envelope(t) * wave_


def main() -> None:
    phase = [0.0]
    raw = [sample(n / RATE, phase) for n in range(int(RATE * SECONDS))]
    scale = PEAK * 32767 / max(abs(v) for v in raw)
    frames = b"".join(struct.pack("<h", round(v * scale)) for v in raw)
    path = Path(__file__).with_name("ring.wav")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)
    print(f"{path}: {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
