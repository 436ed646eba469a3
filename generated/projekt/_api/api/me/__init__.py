# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: e845b168e15aa55816e6dda2073db496913b40611e3cfece8a6a8ac39ac76389
"""Contains endpoint functions for accessing the API"""
