"""Audio engine (Qt-free): incremental decoding, the player, export and recording.

sounddevice (PortAudio) is imported only when a device is used, so everything else works without it.
"""
