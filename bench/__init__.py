"""The benchmark: `python -m bench` measures MIPA's turns against the stock echo bot and bare handlers."""
