#!/usr/bin/env python3
"""Synthesizes Praxis's sounds into assets/audio/ (16-bit mono WAV, 22050 Hz).

Every sound is made here from sine waves and seeded noise, so it is reviewed as code and
rebuilt byte for byte the same; nothing is downloaded. `python3 tools/synth_audio.py [OUT_DIR]`.

- step-done.wav: two rising notes (a soft major third), 0.3 s.
- error.wav: a low double buzz, 0.35 s.
- critical.wav: three descending square-ish tones, 0.8 s.
- ambient-ward.wav: a seamless 6 s loop: ventilation hiss and a faint mains hum.
- ambient-cleanroom.wav: a seamless 6 s loop: louder laminar-flow air and a fan tone.
"""
import math
import os
import random
import struct
import sys
import wave

RATE = 22050


def envelope(i, n, attack=0.01, release=0.08):
    t = i / RATE
    total = n / RATE
    a = min(1.0, t / attack) if attack > 0 else 1.0
    r = min(1.0, (total - t) / release) if release > 0 else 1.0
    return max(0.0, min(a, r))


def tone(freq, dur, amp=0.4, harmonics=(1.0,), attack=0.01, release=0.08):
    n = int(dur * RATE)
    out = []
    for i in range(n):
        t = i / RATE
        s = sum(h / (k + 1) * math.sin(2 * math.pi * freq * (k + 1) * t) for k, h in enumerate(harmonics))
        out.append(amp * s * envelope(i, n, attack, release))
    return out


def silence(dur):
    return [0.0] * int(dur * RATE)


def noise_loop(dur, amp, smooth, hum=None, seed=1):
    """Low-passed noise whose end joins its start (crossfaded), plus an optional hum."""
    rng = random.Random(seed)
    n = int(dur * RATE)
    fade = int(0.5 * RATE)
    raw = []
    y = 0.0
    for _ in range(n + fade):
        y += smooth * (rng.uniform(-1, 1) - y)
        raw.append(y)
    # Crossfade the tail into the head so the loop is seamless.
    for i in range(fade):
        w = i / fade
        raw[i] = raw[i] * w + raw[n + i] * (1 - w)
    raw = raw[:n]
    peak = max(abs(v) for v in raw) or 1.0
    out = [amp * v / peak for v in raw]
    if hum:
        freq, hamp = hum
        # A whole number of cycles over the loop keeps it seamless.
        freq = round(freq * dur) / dur
        for i in range(n):
            out[i] += hamp * math.sin(2 * math.pi * freq * i / RATE)
    return out


def write(path, samples):
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(b"".join(struct.pack("<h", int(max(-1.0, min(1.0, s)) * 32767)) for s in samples))


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "assets", "audio")
    os.makedirs(out, exist_ok=True)
    sounds = {
        "step-done.wav": tone(659.25, 0.12, 0.35, (1.0, 0.3)) + tone(830.61, 0.18, 0.35, (1.0, 0.3)),
        "error.wav": tone(196.0, 0.14, 0.45, (1.0, 0.6, 0.4)) + silence(0.05) + tone(196.0, 0.16, 0.45, (1.0, 0.6, 0.4)),
        "critical.wav": tone(523.25, 0.22, 0.45, (1.0, 0, 0.33, 0, 0.2))
        + tone(415.3, 0.22, 0.45, (1.0, 0, 0.33, 0, 0.2))
        + tone(329.63, 0.36, 0.45, (1.0, 0, 0.33, 0, 0.2), release=0.2),
        "ambient-ward.wav": noise_loop(6.0, 0.06, 0.05, hum=(100.0, 0.01), seed=7),
        "ambient-cleanroom.wav": noise_loop(6.0, 0.12, 0.12, hum=(147.0, 0.015), seed=11),
    }
    for name, samples in sounds.items():
        path = os.path.join(out, name)
        write(path, samples)
        print(f"{path} ({len(samples) / RATE:.2f} s)")


if __name__ == "__main__":
    main()
