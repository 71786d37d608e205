"""Realtime media: WebRTC peers, resampling, voice activity detection, speech recognition, recording.

This package imports no other project package: it turns media into typed events (`realtime.events`) and
leaves persistence and decisions to its callers.
"""
