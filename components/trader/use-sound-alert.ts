"use client";

import { useCallback, useEffect, useRef, useSyncExternalStore } from "react";

const MUTE_KEY = "jivapay.trader.sound-muted";
const MUTE_EVENT = "jivapay:sound-muted";

// Where the choice lives when the browser refuses localStorage (some private modes).
let mutedInMemory = false;

function readMuted(): boolean {
  try {
    const stored = window.localStorage.getItem(MUTE_KEY);
    return stored === null ? mutedInMemory : stored === "1";
  } catch {
    return mutedInMemory;
  }
}

function subscribe(onChange: () => void) {
  // "storage" fires in the other tabs, our own event in this one.
  window.addEventListener("storage", onChange);
  window.addEventListener(MUTE_EVENT, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(MUTE_EVENT, onChange);
  };
}

/**
 * A short two-tone beep for a new order, made with the Web Audio API (no sound file to load),
 * and the mute switch, remembered in localStorage on this device.
 *
 * Browsers only let a page play sound after the person has interacted with it, so the audio
 * context is created (or resumed) on the first click or key press anywhere on the page; a
 * beep before that is silently skipped rather than queued.
 */
export function useSoundAlert() {
  const muted = useSyncExternalStore(subscribe, readMuted, () => false);
  const context = useRef<AudioContext | null>(null);

  useEffect(() => {
    const unlock = () => {
      const AudioContextClass = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
      if (!AudioContextClass) return;
      context.current ??= new AudioContextClass();
      void context.current.resume();
    };
    window.addEventListener("pointerdown", unlock);
    window.addEventListener("keydown", unlock);
    return () => {
      window.removeEventListener("pointerdown", unlock);
      window.removeEventListener("keydown", unlock);
    };
  }, []);

  useEffect(() => () => void context.current?.close(), []);

  const setMuted = useCallback((value: boolean) => {
    mutedInMemory = value;
    try {
      window.localStorage.setItem(MUTE_KEY, value ? "1" : "0");
    } catch {
      // No storage: the choice holds until the page is closed.
    }
    window.dispatchEvent(new Event(MUTE_EVENT));
  }, []);

  const beep = useCallback(() => {
    const audio = context.current;
    if (readMuted() || !audio || audio.state !== "running") return;
    const start = audio.currentTime;
    [880, 1320].forEach((frequency, i) => {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.type = "sine";
      oscillator.frequency.value = frequency;
      const at = start + i * 0.18;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.16);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(at);
      oscillator.stop(at + 0.17);
    });
  }, []);

  return { muted, setMuted, beep };
}
