"""seip: strategic emerging industry (战略性新兴产业) IP public service platform."""

__version__ = "0.1.0"
