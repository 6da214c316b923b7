"""Easy Link FaceCheck: real-name and face verification API."""
