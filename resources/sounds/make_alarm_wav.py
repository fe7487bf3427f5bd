"""Writes alarm.wav beside this script: a calm two-tone chime (E5 then C5 falling a third),
0.6 s, 16-bit mono 22.05 kHz, about 26 KB. Deterministic: rerun it and the bytes are the same.

    python resources/sounds/make_alarm_wav.py
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22_050
SECONDS = 0.6
PEAK = 0.55  # of full scale: audible over a call-centre floor, not startling
# (frequency Hz, start s, decay time constant s): a soft bell, each tone ringing into the next.
TONES = ((659.25, 0.0, 0.12), (523.25, 0.22, 0.16))


def sample(t: float) -> float:
    value = 0.0
    for freq, start, decay in TONES:
        if t < start:
            continue
        u = t - start
        attack = min(u / 0.005, 1.0)  # 5 ms rise: no click
        ring = math.sin(2 * math.pi * freq * u) + 0.3 * math.sin(2 * math.pi * 2 * freq * u)
        value += attack * math.exp(-u / decay) * ring
    fade = min((SECONDS - t) / 0.02, 1.0)  # last 20 ms fade to silence
    return value * fade


def main() -> None:
    count = int(RATE * SECONDS)
    raw = [sample(n / RATE) for n in range(count)]
    scale = PEAK * 32767 / max(abs(v) for v in raw)
    frames = b"".join(struct.pack("<h", round(v * scale)) for v in raw)
    path = Path(__file__).with_name("alarm.wav")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)
    print(f"{path}: {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
