"""One module per lesson: the calculations, charts and widgets a lesson notebook shows.

A lesson builds on the core (``histkit``) and the shared interface (``histkit.ui``), and may use another
lesson's calculations; nothing outside this folder imports a lesson (tests/test_layers.py checks).
"""
