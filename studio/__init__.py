"""MiniMax Studio: a desktop studio for MiniMax's voice, image, video and music APIs."""

__version__ = "0.1.0"
