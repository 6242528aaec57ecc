"""Synthetic demo region: ``generate(seed, n_clients)`` returns a ``DemoWorld`` in memory."""

from impact.demo.generator import generate
from impact.demo.world import DemoWorld

__all__ = ["DemoWorld", "generate"]
