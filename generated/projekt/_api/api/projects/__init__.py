# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: 0e6ca3fad043e3498bcca42336c8359f0821bd64562f29fbce2418eb4a2126fa
"""Contains endpoint functions for accessing the API"""
