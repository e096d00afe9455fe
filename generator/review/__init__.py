"""Who answers for each part of the handbook and when it is next due for review."""
