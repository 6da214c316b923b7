"""Adapters for the third-party services FaceCheck talks to."""
