"""Errors: the exception hierarchy, and the one place a failure becomes one of them.

exceptions (the classes users catch), failures (which class an error envelope, a status or
a broken exchange becomes), safety (whether a write may have taken effect, and so whether
it may be sent again), pages (a web page where the API's JSON should be, and its title).
"""
