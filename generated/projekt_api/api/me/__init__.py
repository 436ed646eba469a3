# Generated from openapi.yaml by `make generate`; do not edit.
# openapi_spec_hash: 54e9ca528e62107da0b941619631a55d47b56699c44bc46dedaef7fbb0e7f808
"""Contains endpoint functions for accessing the API"""
