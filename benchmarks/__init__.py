"""Tools to measure how the generator scales: synthetic handbooks of a chosen size."""
