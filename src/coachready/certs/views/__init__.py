"""Views of the coach portal (portal) and the region's certification pages
(verify, readiness, records). Thin: parse, ask access and one service, render."""
