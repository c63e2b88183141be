"""Static-site generator for STEM equity playbooks."""

from __future__ import annotations

__version__ = "0.1.0"
