# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: 4bf35e9a8797efb8e0ce9d3bf9bb9ab0104e4eacc441ae0d17b373bd306fdf60
"""Contains endpoint functions for accessing the API"""
