"""Baseline bots the benchmark compares MIPA with: the stock echo bot and two bare aiohttp handlers."""
