"""The shared interface: the house style of charts, maps, widgets, self-checks and the words on screen.

Every module here builds on the core (``histkit``) and none knows about a lesson. Import the module
you need (``from histkit.ui import charts``): matplotlib and ipywidgets load only with the modules that use them.
"""
